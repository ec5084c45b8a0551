package dev.newsdesk.ingest;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * WordPress export files (WXR 1.0 to 1.2), streamed with StAX: one item in memory at a time, so a 500 MB export reads
 * in constant memory. Follows the WordPress importer: a missing or invalid {@code wp:wxr_version} is refused, items
 * of post types other than those asked for (pages, attachments, menu items) and auto-drafts are passed over, and
 * only the elements of the WordPress export namespace count, so an item that redefines the {@code wp} prefix has no
 * post type and is passed over too.
 */
final class WxrReader implements ArticleReader {

    private static final Pattern WP = Pattern.compile("^https?://wordpress\\.org/export/1\\.\\d+/$");
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+$");

    private final int maxFieldChars;
    private final ReadOptions options;

    WxrReader(int maxFieldChars, ReadOptions options) {
        this.maxFieldChars = maxFieldChars;
        this.options = options;
    }

    @Override
    public Format format() {
        return Format.WXR;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        XMLStreamReader r = SafeXml.open(in, sourceName);
        try {
            new Run(r, sourceName, sink).document();
        } finally {
            SafeXml.close(r);
        }
    }

    /** One pass over one document. */
    private final class Run {
        private final XMLStreamReader r;
        private final String source;
        private final Consumer<Article> sink;
        private final Map<String, String> authorNames = new HashMap<>();
        private String version;
        private int items;

        Run(XMLStreamReader r, String source, Consumer<Article> sink) {
            this.r = r;
            this.source = source;
            this.sink = sink;
        }

        void document() {
            int event = r.getEventType();
            while (event != START_ELEMENT && event != END_DOCUMENT) {
                event = SafeXml.next(r, source);
            }
            if (event == END_DOCUMENT) {
                throw new InputException(source, "holds no XML element; a WordPress export starts with <rss>");
            }
            if (!r.getLocalName().equals("rss") || !namespace().isEmpty()) {
                throw refused("is not a WordPress export (WXR): the root element is <" + qname()
                        + ">, where a WXR file has <rss>");
            }
            boolean channel = false;
            while ((event = SafeXml.next(r, source)) != END_DOCUMENT) {
                if (event == START_ELEMENT
                        && r.getLocalName().equals("channel")
                        && namespace().isEmpty()) {
                    channel();
                    channel = true;
                } else if (event == START_ELEMENT) {
                    skip();
                }
            }
            if (!channel) {
                throw new InputException(source, "is not a WordPress export (WXR): <rss> holds no <channel>");
            }
        }

        private void channel() {
            int event;
            while ((event = SafeXml.next(r, source)) != END_ELEMENT) {
                if (event != START_ELEMENT) {
                    continue;
                }
                if (isWp("wxr_version")) {
                    versionSeen(text());
                } else if (isWp("author")) {
                    author();
                } else if (r.getLocalName().equals("item") && namespace().isEmpty()) {
                    requireVersion();
                    item();
                } else {
                    skip();
                }
            }
            requireVersion();
        }

        private void versionSeen(String text) {
            String v = text.strip();
            if (!VERSION.matcher(v).matches()) {
                throw refused("is not a valid WordPress export: invalid WXR version number '" + abbreviate(v)
                        + "' (the WordPress importer refuses it too); export the site again");
            }
            version = v;
        }

        private void requireVersion() {
            if (version == null) {
                throw refused("is not a valid WordPress export: missing WXR version number (<wp:wxr_version> in the"
                        + " channel, as every WordPress export has; the WordPress importer refuses it too)");
            }
        }

        private void author() {
            String login = null;
            String display = null;
            int event;
            while ((event = SafeXml.next(r, source)) != END_ELEMENT) {
                if (event == START_ELEMENT && isWp("author_login")) {
                    login = text().strip();
                } else if (event == START_ELEMENT && isWp("author_display_name")) {
                    display = text().strip();
                } else if (event == START_ELEMENT) {
                    skip();
                }
            }
            if (login != null && display != null && !display.isEmpty()) {
                authorNames.put(login, display);
            }
        }

        private void item() {
            items++;
            WxrItem item = new WxrItem();
            int event;
            while ((event = SafeXml.next(r, source)) != END_ELEMENT) {
                if (event != START_ELEMENT) {
                    continue;
                }
                String ns = namespace();
                String name = r.getLocalName();
                if (ns.isEmpty() && name.equals("category")) {
                    String domain = r.getAttributeValue(null, "domain");
                    String nicename = r.getAttributeValue(null, "nicename");
                    item.category(domain, nicename, text());
                } else if (WxrItem.FIELDS.contains(key(ns, name)) && !item.has(key(ns, name))) {
                    item.put(key(ns, name), text());
                } else {
                    skip();
                }
            }
            Article article = item.toArticle(source, items, authorNames, version, options);
            if (article != null) {
                sink.accept(article);
            }
        }

        /** The text of the current element, CDATA sections joined, nested elements' text included. */
        private String text() {
            StringBuilder sb = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = SafeXml.next(r, source);
                switch (event) {
                    case START_ELEMENT -> depth++;
                    case END_ELEMENT -> depth--;
                    case CHARACTERS, CDATA, SPACE -> {
                        if (sb.length() + r.getTextLength() > maxFieldChars) {
                            throw new InputException(
                                    source,
                                    SafeXml.line(r),
                                    SafeXml.column(r),
                                    "an element's text is longer than " + maxFieldChars
                                            + " characters; raise the record size limit or split the post");
                        }
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case END_DOCUMENT -> throw new InputException(source, "ends inside an element");
                    default -> {
                        // comments and processing instructions are not text
                    }
                }
            }
            return sb.toString();
        }

        private void skip() {
            int depth = 1;
            while (depth > 0) {
                int event = SafeXml.next(r, source);
                if (event == START_ELEMENT) {
                    depth++;
                } else if (event == END_ELEMENT) {
                    depth--;
                } else if (event == END_DOCUMENT) {
                    throw new InputException(source, "ends inside an element");
                }
            }
        }

        private boolean isWp(String localName) {
            return r.getLocalName().equals(localName) && WP.matcher(namespace()).matches();
        }

        private String namespace() {
            String ns = r.getNamespaceURI();
            return ns == null ? "" : ns;
        }

        private String qname() {
            String prefix = r.getPrefix();
            return prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
        }

        private InputException refused(String problem) {
            return new InputException(source, SafeXml.line(r), SafeXml.column(r), problem);
        }
    }

    /** The name an item field goes by: {@code title}, {@code content:encoded}, {@code dc:creator}, {@code wp:status}. */
    private static String key(String ns, String name) {
        if (ns.isEmpty()) {
            return name;
        }
        if (ns.equals(CONTENT)) {
            return "content:" + name;
        }
        if (ns.equals(DC)) {
            return "dc:" + name;
        }
        return WP.matcher(ns).matches() ? "wp:" + name : "";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
