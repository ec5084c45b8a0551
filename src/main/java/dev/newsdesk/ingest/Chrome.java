package dev.newsdesk.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The page furniture that news sites print around an article, recognised line by line. */
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
}
