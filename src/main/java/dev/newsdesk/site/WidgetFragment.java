package dev.newsdesk.site;

import java.net.URI;
import java.time.Instant;

/**
 * The trending list as an HTML fragment, laid out like a news site's sidebar: category and relative age on one
 * line, the headline as a link below. An {@code <ol>} named by {@code aria-label}, so screen readers announce a
 * ranked list ({@code role="list"} because the widget's {@code list-style: none} makes Safari drop list semantics);
 * class names prefixed {@code newsdesk-} for the site's own CSS. Every value is escaped.
 */
final class WidgetFragment {

    private WidgetFragment() {}

    /** The fragment for {@code list} with ages as of {@code now}; links are made absolute against {@code base}. */
    static String render(SiteList list, Instant now, URI base) {
        StringBuilder sb = new StringBuilder(256 + list.items().size() * 320);
        if (list.items().isEmpty()) {
            return sb.append("<p class=\"newsdesk-empty\" role=\"status\">Nothing is trending yet.</p>\n")
                    .toString();
        }
        sb.append("<ol class=\"newsdesk-trending\" role=\"list\" aria-label=\"")
                .append(Html.esc(list.title()))
                .append("\" data-scope=\"")
                .append(Html.esc(list.scope()))
                .append("\" data-window=\"")
                .append(Html.esc(list.window()))
                .append("\">\n");
        for (ListedArticle a : list.items()) {
            sb.append("<li class=\"newsdesk-item\" data-article-id=\"")
                    .append(Html.esc(a.id()))
                    .append("\"><span class=\"newsdesk-meta\">");
            if (!a.category().isEmpty()) {
                sb.append("<span class=\"newsdesk-category\">")
                        .append(Html.esc(a.category()))
                        .append("</span> ");
            }
            sb.append("<time class=\"newsdesk-age\" datetime=\"")
                    .append(a.published())
                    .append("\">")
                    .append(RelativeAge.between(a.published(), now))
                    .append("</time></span> <a class=\"newsdesk-title\" href=\"")
                    .append(Html.esc(Html.href(base, a.url())))
                    .append("\">")
                    .append(Html.esc(a.title()))
                    .append("</a></li>\n");
        }
        return sb.append("</ol>\n").toString();
    }
}
