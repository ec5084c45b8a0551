package dev.newsdesk.site;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/** The demo site's front page and article pages, each with the trending widget and (articles) the beacon. */
final class DemoPages {

    private static final String BRAND = "The Harbour Ledger";
    private static final String TAGLINE = "a demo news site for Newsdesk";
    private static final String WIDGET = "<script src=\"/widget.js\" async></script>";

    private final Layout layout;
    private final Template front = Template.load("demo-front.html");
    private final Template article = Template.load("demo-article.html");
    private final Template sidebar = Template.load("demo-sidebar.html");
    private final Duration viewAfter;
    private final Duration readAfter;

    DemoPages(Layout layout, Duration viewAfter, Duration readAfter) {
        this.layout = layout;
        this.viewAfter = viewAfter;
        this.readAfter = readAfter;
    }

    /**
     * The front page: every demo article with its label, and the snippets a site would embed.
     *
     * @param labelOf the label stored for an article id, or null when it has none
     * @param base the Newsdesk server's address, for the snippets
     */
    String front(DemoArticles demo, Instant now, Function<String, String> labelOf, URI base) {
        StringBuilder stories = new StringBuilder();
        for (DemoArticle a : demo.articles()) {
            String label = shownLabel(labelOf.apply(a.id()));
            Instant published = a.publishedAt(demo.loadedAt());
            stories.append("      <li><p class=\"kicker\">")
                    .append(Html.esc(a.category()))
                    .append(" <span class=\"badge\" data-label=\"")
                    .append(Html.esc(label))
                    .append("\">")
                    .append(Html.esc(label))
                    .append("</span></p><h2><a href=\"")
                    .append(Html.esc(a.path()))
                    .append("\">")
                    .append(Html.esc(a.title()))
                    .append("</a></h2><p class=\"byline\">By ")
                    .append(Html.esc(a.author()))
                    .append(" · <time datetime=\"")
                    .append(published)
                    .append("\">")
                    .append(RelativeAge.between(published, now))
                    .append("</time></p><p>")
                    .append(Html.esc(
                            a.paragraphs().isEmpty() ? "" : a.paragraphs().getFirst()))
                    .append("</p></li>\n");
        }
        String root = base.resolve("/").toString();
        String main = front.render(Map.of(
                "stories",
                stories.toString(),
                "sidebar",
                sidebar(demo),
                "widgetSnippet",
                "<div data-newsdesk-trending data-scope=\"all\" data-window=\"now\" data-count=\"5\"></div>\n"
                        + "<script src=\"" + root + "widget.js\" async></script>",
                "beaconSnippet",
                "<script src=\"" + root + "beacon.js\" data-article=\"YOUR-ARTICLE-ID\" async></script>"));
        return layout.page(BRAND + " · a Newsdesk demo site", BRAND, TAGLINE, Layout.Section.DEMO, main, WIDGET);
    }

    /** One article's page; {@code label} is the one stored for it, or null. */
    String article(DemoArticles demo, DemoArticle a, Instant now, String label) {
        StringBuilder body = new StringBuilder();
        for (String p : a.paragraphs()) {
            body.append("      <p>").append(Html.esc(p)).append("</p>\n");
        }
        Instant published = a.publishedAt(demo.loadedAt());
        String main = article.render(Map.ofEntries(
                Map.entry("title", a.title()),
                Map.entry("author", a.author()),
                Map.entry("category", a.category()),
                Map.entry("label", shownLabel(label)),
                Map.entry("published", published.toString()),
                Map.entry("age", RelativeAge.between(published, now)),
                Map.entry("body", body.toString()),
                Map.entry("sidebar", sidebar(demo)),
                Map.entry("viewAfter", seconds(viewAfter))));
        String beacon = "<script src=\"/beacon.js\" data-article=\"" + Html.esc(a.id()) + "\" data-view-after=\""
                + seconds(viewAfter) + "\" data-read-after=\"" + seconds(readAfter) + "\" async></script>";
        return layout.page(a.title() + " · " + BRAND, BRAND, TAGLINE, null, main, WIDGET + "\n" + beacon);
    }

    private String sidebar(DemoArticles demo) {
        return sidebar.render(Map.of("count", String.valueOf(demo.articles().size())));
    }

    private static String shownLabel(String label) {
        return label == null || label.isBlank() ? "unlabelled" : label;
    }

    /** {@code 5}, {@code 0.5}: what the beacon's data attributes take. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
