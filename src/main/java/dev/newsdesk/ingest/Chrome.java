package dev.newsdesk.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The page furniture that news sites print around an article, recognised by line or by HTML element. */
final class Chrome {

    // whole lines that are page furniture, compared case-insensitively without trailing punctuation
    private static final Set<String> LINES = Set.of(
            "leave a reply",
            "leave a comment",
            "cancel reply",
            "post a comment",
            "comments",
            "trending",
            "trending now",
            "exit mobile version",
            "share this",
            "share this article",
            "share",
            "like this",
            "related",
            "related posts",
            "related articles",
            "you may also like",
            "read also",
            "more stories",
            "post navigation",
            "previous post",
            "next post",
            "advertisement",
            "click to share on facebook",
            "click to share on twitter",
            "click to share on whatsapp");

    private static final Pattern PREFIXES = Pattern.compile(
            "(?i)^(your email address will not be published|required fields are marked|save my name, email"
                    + "|you must be logged in to post a comment|click to share on|click to print"
                    + "|copyright ©|© \\d{4})");

    // furniture is a few words; longer lines are text, and skipping them keeps this cheap on long paragraphs
    private static final int LONGEST = 100;

    // wire-copy sign-offs that end an article; they carry no content
    private static final Set<String> END_MARKS = Set.of("end", "-end-", "—end—", "- end -", "ends");

    // class or id tokens of page furniture, matched at the token's start ("share-bar", "related_posts", "comments")
    private static final Pattern CHROME_TOKEN = Pattern.compile(
            "^(?:share|sharing|sharedaddy|sd-sharing|social|addtoany|a2a|ssba|heateor|jp-relatedposts|related|yarpp"
                    + "|comments?|comment-respond|respond|reply|byline|author-box|author-bio|post-tags|tags-links"
                    + "|tag-links|breadcrumbs?|newsletter|subscribe|advert|advertisement|ads?|sidebar|widget|menu"
                    + "|nav|navigation|post-navigation|pagination|cookie|popup|modal|skip-link|screen-reader-text"
                    + "|entry-meta|post-meta|entry-footer|wp-block-buttons)(?:[-_].*)?$");
    // WordPress marks open comments on the article itself; that is the article, not its comment form
    private static final Set<String> NOT_CHROME = Set.of("comments-open", "comments-closed", "comment-open");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside", "form", "menu");

    private Chrome() {}

    static boolean isChromeLine(String line) {
        if (line.length() > LONGEST) {
            return false;
        }
        String l = normal(line);
        return LINES.contains(l) || PREFIXES.matcher(line.strip()).lookingAt();
    }

    static boolean isEndMark(String line) {
        return line.length() <= LONGEST && END_MARKS.contains(normal(line));
    }

    private static String normal(String line) {
        String l = line.strip();
        int end = l.length();
        while (end > 0 && (Character.isWhitespace(l.charAt(end - 1)) || ":.!".indexOf(l.charAt(end - 1)) >= 0)) {
            end--;
        }
        return l.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Whether an element of an HTML page is furniture: navigation, share bars, comments, related posts ... */
    static boolean isChromeElement(Element e) {
        if (CHROME_TAGS.contains(e.normalName())) {
            return true;
        }
        String role = e.attr("role");
        if (role.equals("navigation") || role.equals("complementary") || role.equals("banner")) {
            return true;
        }
        for (String token : e.classNames()) {
            if (isChromeToken(token)) {
                return true;
            }
        }
        return !e.id().isEmpty() && isChromeToken(e.id());
    }

    private static boolean isChromeToken(String token) {
        return CHROME_TOKEN.matcher(token).matches() && !NOT_CHROME.contains(token);
    }
}
