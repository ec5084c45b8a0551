package dev.newsdesk.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader that cannot be turned against the machine: no DTD, so no external entities and no entity expansion;
 * a document that carries a DOCTYPE at all is refused at the declaration, before any of it takes effect.
 */
final class SafeXml {

    private SafeXml() {}

    private static final Pattern ENCODING =
            Pattern.compile("^<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,40})[\"']");

    /**
     * The JDK's own parser, whatever else is on the class path, configured once per document. It reads characters
     * that {@link StrictReader} decoded in the declared encoding (UTF-8 by default), so bad bytes are reported with
     * their position and nothing is printed.
     */
    static XMLStreamReader open(InputStream raw, String source) {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        Charset charset = encoding(in, source);
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLReporter((message, type, info, location) -> {});
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        try {
            return f.createXMLStreamReader(new StrictReader(in, charset, source));
        } catch (XMLStreamException e) {
            throw malformed(source, e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(source, 1, 1, "malformed XML: " + e, e);
        }
    }

    /** The document's encoding from its byte order mark or XML declaration; the mark itself is skipped. */
    private static Charset encoding(InputStream in, String source) {
        try {
            in.mark(512);
            byte[] head = in.readNBytes(512);
            in.reset();
            if (Utf8Text.hasBom(head)) {
                in.skipNBytes(3);
                return StandardCharsets.UTF_8;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                in.skipNBytes(2);
                return StandardCharsets.UTF_16BE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                in.skipNBytes(2);
                return StandardCharsets.UTF_16LE;
            }
            Matcher m = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
            if (!m.find()) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        source, 1, 1, "declares the encoding '" + m.group(1) + "', which is unknown; use UTF-8");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next event. A DOCTYPE is refused here; parser failures of any kind become the input error with the
     * parser's position, since on untrusted bytes they are the input's fault.
     */
    static int next(XMLStreamReader r, String source) {
        int event;
        try {
            event = r.next();
        } catch (XMLStreamException e) {
            throw malformed(source, e);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InputException(source, line(r), column(r), "malformed XML: " + e, e);
        }
        if (event == XMLStreamConstants.DTD) {
            throw new InputException(
                    source,
                    line(r),
                    column(r),
                    "XML with a DOCTYPE is refused: a DOCTYPE can declare entities that read files or expand without"
                            + " bound, and WordPress exports have none; remove the <!DOCTYPE ...> declaration");
        }
        return event;
    }

    static InputException malformed(String source, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the position is reported separately
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        if (message.contains("must start and end within the same entity")) {
            message = "the document ends before its elements are closed; is the file cut off?";
        }
        return new InputException(
                source,
                at == null ? -1 : at.getLineNumber(),
                at == null ? -1 : at.getColumnNumber(),
                "malformed XML: " + message.strip(),
                e);
    }

    static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing was written; the caller closes the stream
        }
    }

    static long line(XMLStreamReader r) {
        Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    static long column(XMLStreamReader r) {
        Location l = r.getLocation();
        return l == null ? -1 : l.getColumnNumber();
    }
}
