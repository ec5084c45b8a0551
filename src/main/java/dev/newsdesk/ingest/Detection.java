package dev.newsdesk.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tells an input's format from its content type, its file name or its first bytes. */
final class Detection {

    /** How many leading bytes sniffing looks at. */
    static final int HEAD = 16 * 1024;

    private static final Pattern RENDERED = Pattern.compile("(?<!\\\\)\"rendered\"\\s*:");
    private static final Pattern CSV_HEADER =
            Pattern.compile("(?i)^\\W?(?:[\\w\" ]*,)*\"?(?:text|title|body)\"?(?:,[\\w\" ]*)*$");
    private static final Pattern BYLINE = Pattern.compile("^By\\s*:\\s*\\S.*");

    private Detection() {}

    /** The format an HTTP content type names, or null for none or a generic one such as octet-stream. */
    static Format byContentType(String contentType, byte[] head) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/html", "application/xhtml+xml" -> Format.HTML;
            case "application/xml", "text/xml", "application/rss+xml" -> Format.WXR;
            case "application/json" -> json(head);
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" ->
                Format.JSONL;
            case "text/csv" -> Format.CSV;
            case "text/plain" -> text(head);
            default -> null;
        };
    }

    /** The format a file name's extension names, or null; {@code .txt} is left to the bytes (text or page dump). */
    static Format byFileName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return Format.TEXT;
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return Format.HTML;
        }
        if (n.endsWith(".xml") || n.endsWith(".wxr")) {
            return Format.WXR;
        }
        if (n.endsWith(".json")) {
            return Format.WP_REST;
        }
        return null;
    }

    /** The format the first bytes suggest; plain text when nothing stands out. */
    static Format sniff(byte[] head) {
        String s = start(head);
        if (s.startsWith("<")) {
            String lower = s.substring(0, Math.min(s.length(), 2048)).toLowerCase(Locale.ROOT);
            if (lower.contains("<html") || lower.contains("<!doctype html")) {
                return Format.HTML;
            }
            return lower.startsWith("<?xml") || lower.contains("<rss") ? Format.WXR : Format.HTML;
        }
        if (s.startsWith("[")) {
            return Format.WP_REST;
        }
        if (s.startsWith("{")) {
            return json(head);
        }
        String firstLine = s.lines().findFirst().orElse("");
        if (firstLine.contains(",") && CSV_HEADER.matcher(firstLine.strip()).matches()) {
            return Format.CSV;
        }
        return text(head);
    }

    /** REST JSON (a post has {@code "rendered"} fields, or spans lines) or JSON lines (one object per line). */
    static Format json(byte[] head) {
        String s = start(head);
        if (s.startsWith("[") || RENDERED.matcher(s).find()) {
            return Format.WP_REST;
        }
        String firstLine = s.lines().findFirst().orElse("").strip();
        return firstLine.startsWith("{") && firstLine.endsWith("}") ? Format.JSONL : Format.WP_REST;
    }

    /**
     * A page dump when the text has a byline under a title printed twice, or an article page's {@code Published} /
     * {@code on} lines; plain text otherwise.
     */
    static Format text(byte[] head) {
        List<String> lines = start(head)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .limit(200)
                .toList();
        for (int i = 1; i < lines.size(); i++) {
            if (BYLINE.matcher(lines.get(i)).matches()
                    && lines.subList(Math.max(0, i - 6), i - 1).contains(lines.get(i - 1))) {
                return Format.PAGE;
            }
            if (lines.get(i - 1).equals("Published") && lines.get(i).equals("on")) {
                return Format.PAGE;
            }
        }
        return Format.TEXT;
    }

    private static String start(byte[] head) {
        int from = Utf8Text.hasBom(head) ? 3 : 0;
        // lenient here: sniffing only guesses; the reader reports bad bytes with their position
        return new String(head, from, head.length - from, StandardCharsets.UTF_8).stripLeading();
    }
}
