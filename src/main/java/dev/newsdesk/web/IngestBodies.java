package dev.newsdesk.web;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Format;
import dev.newsdesk.ingest.InputHint;
import dev.newsdesk.ingest.Readers;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Reads a request body in any shape ingestion knows (text, HTML, WXR, WP REST, JSONL, CSV) into one article. */
@Component
final class IngestBodies {

    private final Readers readers;

    IngestBodies(Readers readers) {
        this.readers = readers;
    }

    /**
     * The single article in the body; the format is {@code format} when given, else what ingestion detects from
     * the content type and the first bytes. Content types ingestion does not read are refused with 415.
     */
    Article one(byte[] body, MediaType contentType, String format) {
        Format explicit = format != null ? parse(format) : null;
        if (explicit == null) {
            accepted(contentType);
        }
        List<Article> found = new ArrayList<>(2);
        readers.read(
                new ByteArrayInputStream(body),
                new InputHint("request body", contentType == null ? null : contentType.toString(), explicit),
                a -> {
                    if (found.size() < 2) {
                        found.add(a);
                    }
                });
        if (found.isEmpty()) {
            throw new ApiException(
                    ProblemKind.INVALID_FIELD, "the body holds no article (a draft or a page?); send one");
        }
        if (found.size() > 1) {
            throw new ApiException(
                    ProblemKind.INVALID_FIELD, "the body holds more than one article; send one per request");
        }
        return found.getFirst();
    }

    /** Whether the source marks the article unpublished (a WordPress status other than {@code publish}). */
    static boolean unpublished(Article a) {
        String status = a.attributes().get("status");
        return status != null && !status.isBlank() && !status.equalsIgnoreCase("publish");
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

    private static final Set<String> READABLE = Set.of(
            "text/plain",
            "text/html",
            "application/xhtml+xml",
            "application/xml",
            "text/xml",
            "application/rss+xml",
            "application/json",
            "application/x-ndjson",
            "application/ndjson",
            "application/jsonl",
            "application/x-jsonlines",
            "text/csv",
            "application/octet-stream");

    private static void accepted(MediaType type) {
        String t = type == null ? "(none)" : type.getType() + "/" + type.getSubtype();
        if (!READABLE.contains(t)) {
            throw unsupported(t);
        }
    }

    private static ApiException unsupported(String type) {
        return new ApiException(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + type + " is not accepted here; send application/json, text/plain, text/html,"
                        + " application/xml (WordPress export), application/x-ndjson or text/csv, or name the"
                        + " shape with ?format=");
    }
}
