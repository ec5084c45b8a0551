package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns HTML into the text the classifier reads: paragraphs separated by blank lines, no markup, no scripts. Comments
 * (and so the block editor's {@code <!-- wp:... -->} delimiters) never become text.
 */
final class HtmlText {

    /** Elements whose content is never article text. */
    static final Set<String> SKIPPED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "object",
            "embed",
            "svg",
            "canvas",
            "form",
            "button",
            "input",
            "select",
            "textarea",
            "video",
            "audio",
            "map",
            "head");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "main",
            "aside",
            "nav",
            "table",
            "thead",
            "tbody",
            "tr",
            "figure",
            "figcaption",
            "hr",
            "address",
            "details",
            "summary",
            "center",
            "body");

    // [caption ...], [/gallery], [embed]...: WordPress shortcodes are markup, not words
    private static final Pattern SHORTCODE = Pattern.compile(
            "\\[/?(?:caption|wp_caption|gallery|embed|audio|video|playlist|tweet|youtube|instagram|facebook"
                    + "|soundcloud|spotify|contact-form(?:-7)?|vc_\\w+|et_pb_\\w+|fusion_\\w+)\\b[^\\]]{0,2000}\\]"
                    + "|\\[[a-z_][\\w-]{0,40}(?:\\s+[\\w-]{1,40}=(?:\"[^\"]{0,500}\"|'[^']{0,500}'|[^\\s\\]]{1,200}))+\\s*/?\\]");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private HtmlText() {}

    /**
     * WordPress post content ({@code content:encoded}, REST {@code content.rendered}): as WordPress renders it, a
     * blank line starts a paragraph and a single newline breaks the line.
     */
    static String ofWordPress(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        return of(body, true);
    }

    /** The paragraphs of an element of an HTML page, where newlines in the source are plain spaces. */
    static List<String> paragraphs(Element root) {
        return walk(root, false).paragraphs;
    }

    /** A one-line value such as a title: entities decoded, tags dropped, spaces collapsed. */
    static String inline(String value) {
        if (value == null) {
            return "";
        }
        String v = value.indexOf('<') >= 0 || value.indexOf('&') >= 0
                ? Jsoup.parseBodyFragment(value).body().text()
                : value;
        return SPACES.matcher(v).replaceAll(" ").strip();
    }

    private static String of(Element root, boolean newlinesMatter) {
        return String.join("\n\n", walk(root, newlinesMatter).result());
    }

    private static Paragraphs walk(Element root, boolean newlinesMatter) {
        Paragraphs text = new Paragraphs();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText();
                            boolean shortcodes = newlinesMatter && s.indexOf('[') >= 0;
                            text.text(shortcodes ? SHORTCODE.matcher(s).replaceAll(" ") : s, newlinesMatter);
                        } else if (node instanceof Element e) {
                            String tag = e.normalName();
                            if (SKIPPED.contains(tag)) {
                                return FilterResult.SKIP_ENTIRELY;
                            }
                            if (tag.equals("br")) {
                                text.lineBreak();
                            } else if (BLOCKS.contains(tag)) {
                                text.paragraph();
                            } else if (tag.equals("td") || tag.equals("th")) {
                                text.space();
                            }
                        }
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            text.paragraph();
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                root);
        text.paragraph();
        return text;
    }

    /** Collects words into lines and lines into paragraphs, collapsing the whitespace between them. */
    private static final class Paragraphs {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private boolean space;
        private int newlines;

        void text(String s, boolean newlinesMatter) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' && newlinesMatter) {
                    newlines++;
                    i++;
                } else if (isSpace(c)) {
                    space = true;
                    i++;
                } else {
                    if (newlines >= 2) {
                        paragraph();
                    } else if (newlines == 1) {
                        lineBreak();
                    }
                    newlines = 0;
                    if (space && !line.isEmpty()) {
                        line.append(' ');
                    }
                    space = false;
                    int start = i;
                    while (i < n && !isSpace(s.charAt(i))) {
                        i++;
                    }
                    line.append(s, start, i); // a whole word at once
                }
            }
        }

        // control characters count as space: they separate words and are never text
        private static boolean isSpace(char c) {
            return c <= ' '
                    || (c >= '\u0080'
                            && (Character.isWhitespace(c)
                                    || Character.isSpaceChar(c)
                                    || c == '\u200B'
                                    || c == '\uFEFF'));
        }

        void space() {
            space = true;
        }

        void lineBreak() {
            if (!line.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
                line.setLength(0);
            }
            space = false;
        }

        void paragraph() {
            lineBreak();
            newlines = 0;
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
        }

        List<String> result() {
            paragraph();
            return paragraphs;
        }
    }
}
