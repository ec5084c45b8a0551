package dev.newsdesk.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text dumps of news pages. An article is recognised by its byline ({@code By: <author>}) after its title, which such
 * pages print twice; the line before the first title is the site category. A listing holds several articles; an
 * article page adds {@code Published} / {@code on} before the repeated title and comment-form chrome after the body.
 * A Trending block ({@code -}, {@code <Category><age>}, title) ends the articles.
 */
final class PageReader implements ArticleReader {

    private static final Pattern BYLINE = Pattern.compile("^By\\s*:\\s*(\\S.{0,119})$|^By\\s+(\\p{Lu}[^.!?]{0,79})$");
    private static final Pattern AGE = Pattern.compile(
            "^(.{0,80}?)\\s*((?:\\d{1,4}|an?|one)\\s+(?:second|minute|hour|day|week|month|year)s?\\s+ago)$",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private final int maxBytes;

    PageReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Format format() {
        return Format.PAGE;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        parse(in, sourceName).articles().forEach(sink);
    }

    /** The page's articles and its Trending block. */
    PageDump parse(InputStream in, String sourceName) {
        return parse(Utf8Text.read(in, sourceName, maxBytes), sourceName);
    }

    static PageDump parse(String text, String sourceName) {
        List<String> lines =
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int trendingAt = trendingStart(lines);
        List<String> content = lines.subList(0, trendingAt);
        List<Integer> bylines = new ArrayList<>();
        for (int i = 1; i < content.size(); i++) {
            if (isByline(content, i)) {
                bylines.add(i);
            }
        }
        List<Article> articles = new ArrayList<>();
        if (bylines.isEmpty()) {
            untitledPage(content, sourceName).ifPresent(articles::add);
        }
        List<Head> heads = bylines.stream().map(b -> head(content, b)).toList();
        for (int k = 0; k < heads.size(); k++) {
            Head h = heads.get(k);
            int end = k + 1 < heads.size() ? heads.get(k + 1).start() : content.size();
            List<String> body = body(content.subList(h.byline() + 1, Math.max(h.byline() + 1, end)), h.title());
            articles.add(new Article(
                    sourceName + "#" + (k + 1),
                    h.title(),
                    String.join("\n\n", body),
                    author(content.get(h.byline())),
                    h.published(),
                    h.category(),
                    List.of(),
                    null,
                    null,
                    Map.of()));
        }
        return new PageDump(articles, trending(lines, trendingAt));
    }

    /** Where an article starts (its category line, else its first title line), its title, category and date. */
    private record Head(int start, int byline, String title, String category, Instant published) {}

    private static Head head(List<String> lines, int byline) {
        String title = lines.get(byline - 1);
        int start = byline - 1;
        Instant published = null;
        int j = byline - 2;
        for (boolean sawTitle = false; j >= 0; j--) {
            String l = lines.get(j);
            Instant date = dayOf(l);
            if (date != null) {
                published = date;
            } else if (l.equalsIgnoreCase("published") || l.equalsIgnoreCase("on")) {
                // the article page's date line; the date itself is often rendered by script and missing
            } else if (!sawTitle && l.equals(title)) {
                sawTitle = true;
                start = j;
            } else {
                break;
            }
        }
        String category = null;
        if (j >= 0 && looksLikeCategory(lines.get(j)) && !isByline(lines, j)) {
            category = lines.get(j);
            start = j;
        }
        return new Head(start, byline, title, category, published);
    }

    private static boolean isByline(List<String> lines, int i) {
        Matcher m = BYLINE.matcher(lines.get(i));
        if (!m.matches() || i == 0 || BYLINE.matcher(lines.get(i - 1)).matches()) {
            return false;
        }
        String title = lines.get(i - 1);
        if (Chrome.isChromeLine(title)) {
            return false;
        }
        // "By Tuesday, police had..." opens sentences: without the colon, ask for the repeated title as well
        return m.group(1) != null
                || (i >= 2 && lines.subList(Math.max(0, i - 6), i - 1).contains(title));
    }

    private static String author(String bylineLine) {
        Matcher m = BYLINE.matcher(bylineLine);
        return m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)).strip() : null;
    }

    private static boolean looksLikeCategory(String l) {
        return l.length() <= 40
                && l.split("\\s+").length <= 4
                && !l.matches(".*[.!?,;:]$")
                && !Chrome.isChromeLine(l)
                && !Chrome.isEndMark(l);
    }

    /** The lines of an article after its byline: up to the first chrome, without the closing title or sign-off. */
    private static List<String> body(List<String> lines, String title) {
        List<String> body = new ArrayList<>();
        for (String l : lines) {
            if (Chrome.isChromeLine(l)) {
                break;
            }
            body.add(l);
        }
        while (!body.isEmpty() && (body.getLast().equals(title) || Chrome.isEndMark(body.getLast()))) {
            body.removeLast();
        }
        return body;
    }

    /** A page without bylines: its first line is the title, the rest up to any chrome the body. */
    private static Optional<Article> untitledPage(List<String> lines, String sourceName) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String title = lines.getFirst();
        return Optional.of(
                Article.of(sourceName + "#1", title, String.join("\n\n", body(lines.subList(1, lines.size()), title))));
    }

    /** The index of the Trending block's first line ({@code -} or {@code Trending} before an age line), or the end. */
    private static int trendingStart(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String before = lines.get(i - 1);
            if (AGE.matcher(lines.get(i)).matches() && (isBullet(before) || before.equalsIgnoreCase("trending"))) {
                return i - 1;
            }
        }
        return lines.size();
    }

    private static List<TrendingEntry> trending(List<String> lines, int from) {
        List<TrendingEntry> entries = new ArrayList<>();
        for (int i = from; i + 1 < lines.size(); i++) {
            Matcher m = AGE.matcher(lines.get(i));
            String next = lines.get(i + 1);
            if (m.matches() && !isBullet(next) && !AGE.matcher(next).matches() && !Chrome.isChromeLine(next)) {
                entries.add(new TrendingEntry(m.group(1), m.group(2), next));
                i++;
            }
        }
        return entries;
    }

    private static boolean isBullet(String l) {
        return l.equals("-") || l.equals("–") || l.equals("•") || l.equals("*");
    }

    private static Instant dayOf(String l) {
        if (l.length() > 40 || l.isEmpty() || !Character.isLetterOrDigit(l.charAt(0))) {
            return null;
        }
        for (DateTimeFormatter f : DAY_FORMATS) {
            try {
                return LocalDate.parse(l, f).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next shape
            }
        }
        return null;
    }
}
