package dev.newsdesk.web;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Format;
import dev.newsdesk.ingest.Readers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Reads a request body in any shape ingestion knows (text, HTML, WXR, WP REST, JSONL, CSV) into one article. */
@Component
final class IngestBodies {

    private final Readers readers;

    IngestBodies(Readers readers) {
        this.readers = readers;
    }

    /** The single article in the body; the format comes from {@code format} when given, else the content type. */
    Article one(byte[] body, MediaType contentType, String format) {
        Format f = format != null ? parse(format) : formatOf(contentType);
        List<Article> found = new ArrayList<>(2);
        try {
            readers.read(new ByteArrayInputStream(body), "request body", f, a -> {
                if (found.size() < 2) {
                    found.add(a);
                }
            });
        } catch (UnsupportedOperationException e) {
            throw new ApiException(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "this build cannot read " + f.id() + " yet; send JSON or text/plain");
        }
        if (found.isEmpty()) {
            throw new ApiException(ProblemKind.INVALID_FIELD, "the body holds no article; send one");
        }
        if (found.size() > 1) {
            throw new ApiException(
                    ProblemKind.INVALID_FIELD, "the body holds more than one article; send one per request");
        }
        return found.getFirst();
    }

    /** The same article under the id the request's path gives it. */
    static Article withId(Article a, String id) {
        return new Article(
                id,
                a.title(),
                a.body(),
                a.author(),
                a.published(),
                a.siteCategory(),
                a.tags(),
                a.url(),
                a.label(),
                a.attributes());
    }

    private static Format parse(String format) {
        try {
            return Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemKind.INVALID_PARAMETER, "parameter 'format': " + e.getMessage());
        }
    }

    /** The ingest format a content type names. */
    static Format formatOf(MediaType type) {
        if (type == null) {
            throw unsupported("(none)");
        }
        String t = type.getType() + "/" + type.getSubtype();
        return switch (t) {
            case "text/plain" -> Format.TEXT;
            case "text/html", "application/xhtml+xml" -> Format.HTML;
            case "application/x-ndjson", "application/jsonl", "application/x-jsonlines" -> Format.JSONL;
            case "text/csv" -> Format.CSV;
            case "application/xml", "text/xml", "application/rss+xml" -> Format.WXR;
            default -> throw unsupported(t);
        };
    }

    private static ApiException unsupported(String type) {
        return new ApiException(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + type + " is not accepted here; send application/json, text/plain, text/html,"
                        + " application/xml (WordPress export), application/x-ndjson or text/csv, or name the"
                        + " shape with ?format=");
    }
}
