package dev.newsdesk.site;

import java.util.Map;

/** The frame every Newsdesk page shares: head with the stylesheet and feed links, masthead with navigation. */
final class Layout {

    /** The pages in the navigation. */
    enum Section {
        DEMO("/demo", "Demo site"),
        PLAYGROUND("/playground", "Playground"),
        MODEL("/model", "Model report");

        final String path;
        final String name;

        Section(String path, String name) {
            this.path = path;
            this.name = name;
        }
    }

    private final Template frame = Template.load("layout.html");

    /**
     * A whole page.
     *
     * @param main the page's own markup, escaped by its builder
     * @param scripts {@code <script>} elements for the end of the body
     */
    String page(String title, String brand, String tagline, Section current, String main, String scripts) {
        StringBuilder nav = new StringBuilder();
        for (Section s : Section.values()) {
            nav.append("    <a href=\"")
                    .append(s.path)
                    .append(s == current ? "\" aria-current=\"page\">" : "\">")
                    .append(Html.esc(s.name))
                    .append("</a>\n");
        }
        return frame.render(Map.of(
                "title", title,
                "brand", brand,
                "tagline", tagline,
                "nav", nav.toString(),
                "main", main,
                "scripts", scripts));
    }
}
