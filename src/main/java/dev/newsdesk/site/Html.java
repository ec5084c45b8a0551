package dev.newsdesk.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Escaping for text and attribute values in the HTML the site pages and the widget fragment are built from. */
final class Html {

    private Html() {}

    /** {@code s} safe inside an element or a quoted attribute; null is empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> null;
                    };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * An absolute link for {@code url}: relative addresses (the demo articles) are resolved against {@code base}, the
     * Newsdesk server; http and https pass as they are; anything else (such as {@code javascript:}) becomes {@code #}.
     */
    static String href(URI base, String url) {
        if (url == null || url.isBlank()) {
            return "#";
        }
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null) {
                return base.resolve(u).toString();
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u.toString() : "#";
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "#";
        }
    }
}
