package dev.newsdesk.site;

import java.io.StringWriter;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A trending list as an RSS 2.0 channel, with an {@code atom:link rel="self"} as feed validators ask. There is no
 * {@code lastBuildDate}: the document changes only when the list does, so its ETag holds while the order holds.
 */
final class RssFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private RssFeed() {}

    /** The channel of {@code list}; {@code self} is the feed's own address, {@code home} the site's. */
    static String render(SiteList list, URI self, URI home) {
        StringWriter out = new StringWriter(1024 + list.items().size() * 400);
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("rss");
            x.writeAttribute("version", "2.0");
            x.writeNamespace("atom", ATOM);
            x.writeStartElement("channel");
            text(x, "title", list.title());
            text(x, "link", home.toString());
            text(x, "description", "The articles readers are engaging with most, best first, from Newsdesk.");
            x.writeEmptyElement("atom", "link", ATOM);
            x.writeAttribute("href", self.toString());
            x.writeAttribute("rel", "self");
            x.writeAttribute("type", "application/rss+xml");
            text(x, "ttl", "1");
            for (ListedArticle a : list.items()) {
                x.writeStartElement("item");
                text(x, "title", a.title());
                text(x, "link", Html.href(self, a.url()));
                x.writeStartElement("guid");
                x.writeAttribute("isPermaLink", "false");
                x.writeCharacters(xmlSafe(a.id()));
                x.writeEndElement();
                text(
                        x,
                        "pubDate",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                a.published().atOffset(ZoneOffset.UTC)));
                if (!a.category().isEmpty()) {
                    text(x, "category", a.category());
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the RSS feed: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters a CMS may let through). */
    static String xmlSafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
