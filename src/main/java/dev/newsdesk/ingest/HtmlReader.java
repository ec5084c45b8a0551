package dev.newsdesk.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * An HTML article page: metadata from Open Graph, {@code article:*} meta tags, JSON-LD and the byline; the body from
 * the article container with navigation, share bars, comment forms, related posts and scripts taken out.
 */
final class HtmlReader implements ArticleReader {

    // most specific first: the first selector that finds text is the article
    private static final List<Evaluator> CONTAINERS = Stream.of(
                    "[itemprop=articleBody]",
                    ".entry-content",
                    ".post-content",
                    ".article-content",
                    ".article-body",
                    ".td-post-content",
                    ".story-body",
                    ".post-body",
                    "article",
                    "[role=main]",
                    "main")
            .map(QueryParser::parse)
            .toList();
    // selectors parsed once: parsing them per page costs as much as using them
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator ARTICLE_TIME = QueryParser.parse("article time[datetime]");
    private static final Evaluator TIME = QueryParser.parse("time[datetime]");
    private static final Evaluator CATEGORY_LINK = QueryParser.parse("a[rel~=(?i)\\bcategory\\b]");
    private static final Evaluator TAG_LINK = QueryParser.parse("a[rel=tag]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");
    private static final Evaluator BYLINE = QueryParser.parse(
            "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author-name,"
                    + " .entry-author, .author");

    private static final Pattern BY = Pattern.compile("^(?i:by)\\s*:?\\s+");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]{0,200}charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})");

    private final int maxBytes;

    HtmlReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        Document doc = Jsoup.parse(decode(Utf8Text.readBounded(in, sourceName, maxBytes), sourceName));
        sink.accept(extract(doc, sourceName));
    }

    /** UTF-8 unless the page declares another charset in its first bytes, as pages from older CMSs do. */
    static String decode(byte[] bytes, String sourceName) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            String name = m.group(1);
            if (!name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8") && Charset.isSupported(name)) {
                return new String(bytes, Charset.forName(name));
            }
        }
        return Utf8Text.decode(bytes, sourceName);
    }

    static Article extract(Document doc, String sourceName) {
        JsonLd ld = JsonLd.find(doc);
        MetaTags meta = new MetaTags(doc);
        String title = first(() -> meta.first("og:title"), ld::headline, () -> text(doc.selectFirst(H1)), doc::title);
        String author = first(
                () -> meta.first("author"), () -> notUrl(meta.first("article:author")), ld::author, () -> byline(doc));
        Instant published = date(first(
                () -> meta.first("article:published_time"),
                () -> meta.first("datePublished"),
                ld::datePublished,
                () -> attr(doc.selectFirst(ARTICLE_TIME), "datetime"),
                () -> attr(doc.selectFirst(TIME), "datetime")));
        List<String> categories = new ArrayList<>(meta.all("article:section"));
        categories.addAll(ld.sections());
        categories.addAll(doc.select(CATEGORY_LINK).eachText());
        Set<String> tags = new LinkedHashSet<>(meta.all("article:tag"));
        tags.addAll(doc.select(TAG_LINK).eachText());
        tags.addAll(ld.keywords());
        String url = first(() -> attr(doc.selectFirst(CANONICAL), "href"), () -> meta.first("og:url"), ld::url);

        String body = bodyText(container(doc), title, author);
        if (title.isBlank() && body.isBlank()) {
            throw new InputException(sourceName, "holds no article: no title and no text were found in the HTML");
        }
        List<String> cats = distinct(categories);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (cats.size() > 1) {
            attributes.put(Article.CATEGORIES, Article.joinCategories(cats));
        }
        return new Article(
                url.isBlank() ? sourceName : url,
                title,
                body,
                author.isBlank() ? null : author,
                published,
                cats.isEmpty() ? null : cats.getFirst(),
                List.copyOf(tags),
                url.isBlank() ? null : url,
                null,
                attributes);
    }

    /** The element holding the article: the most specific container that has text, the longest of its kind. */
    private static Element container(Document doc) {
        for (Evaluator selector : CONTAINERS) {
            Elements found = doc.select(selector);
            if (found.size() == 1) {
                return found.getFirst();
            }
            Element best = null;
            int bestLength = 0;
            for (Element e : found) {
                int length = e.text().length();
                if (length > bestLength) {
                    best = e;
                    bestLength = length;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return doc.body();
    }

    private static String bodyText(Element container, String title, String author) {
        List<Element> chrome = new ArrayList<>();
        for (Element e : container.getAllElements()) {
            if (e != container && Chrome.isChromeElement(e)) {
                chrome.add(e);
            }
        }
        chrome.forEach(Element::remove);
        container.select(H1).remove();
        // a date standing alone is the article's dateline, not its text
        for (Element time : container.getElementsByTag("time")) {
            Element parent = time.parent();
            if (parent == null || parent == container || parent.text().equals(time.text())) {
                time.remove();
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : HtmlText.paragraphs(container)) {
            boolean lead = paragraphs.isEmpty();
            boolean bylineOrTitle = p.equals(title) || (lead && BY.matcher(p).lookingAt() && p.contains(author));
            if (!p.isBlank() && !Chrome.isChromeLine(p) && !bylineOrTitle) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static String byline(Document doc) {
        Element e = doc.selectFirst(BYLINE);
        String t = text(e);
        t = BY.matcher(t).replaceFirst("").strip();
        return t.length() > 80 ? "" : t;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text().strip();
    }

    private static String attr(Element e, String name) {
        return e == null ? "" : e.attr(name).strip();
    }

    private static String notUrl(String v) {
        return v.startsWith("http://") || v.startsWith("https://") ? "" : v;
    }

    /** The first non-blank value, computing the later (dearer) candidates only when the earlier ones are blank. */
    @SafeVarargs
    private static String first(Supplier<String>... candidates) {
        for (Supplier<String> c : candidates) {
            String v = c.get();
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }

    private static List<String> distinct(List<String> values) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String v : values) {
            String s = HtmlText.inline(v);
            if (!s.isEmpty()) {
                byKey.putIfAbsent(s.toLowerCase(Locale.ROOT), s);
            }
        }
        return List.copyOf(byKey.values());
    }

    // a page's dates are decoration, not structure: one that does not parse leaves the date unknown
    private static Instant date(String value) {
        try {
            return Dates.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
