package dev.newsdesk.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input shapes Newsdesk reads. */
public enum Format {
    TEXT("text", "plain text, first line the title"),
    PAGE("page", "text dump of a news page: listing or single article, chrome removed"),
    HTML("html", "HTML article page"),
    WXR("wxr", "WordPress export (WXR 1.0 to 1.2)"),
    WP_REST("wp-rest", "WordPress REST API posts JSON"),
    JSONL("jsonl", "JSON lines with the corpus schema"),
    CSV("csv", "CSV with the corpus schema and a header row");

    private final String id;
    private final String description;

    Format(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used on the command line and in the API ({@code wxr}, {@code wp-rest} ...). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Parses a format name, case-insensitively; the message lists the valid names. */
    public static Format parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.id.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; use one of "
                + Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", ")));
    }
}
