package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.ADMIN_KEY;
import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad requests and how each is answered: problem+json with the status and stable type of its kind, a message, no
 * Java class names, never a 500. Run on H2 and PostgreSQL by the subclasses.
 */
@ServerTest
abstract class BadRequests {

    private static final String JSON = "application/json";
    private static final String OK_TEXT = "{\"title\":\"Budget\",\"text\":\"The Senate passed the budget.\"}";

    @LocalServerPort
    int port;

    /** One bad request and the answer it must get. */
    record Case(
            String name,
            String method,
            String path,
            String contentType,
            byte[] body,
            boolean chunked,
            String key,
            int status,
            String kind) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case bad(String name, String method, String path, String contentType, String body, String key) {
        return new Case(name, method, path, contentType, body == null ? null : body.getBytes(), false, key, 0, null);
    }

    static Stream<Case> cases() {
        String big = "{\"text\":\"" + "a".repeat(TestServer.MAX_BODY) + "\"}";
        String tooLong = "{\"text\":\"" + "word ".repeat(TestServer.MAX_TEXT / 5 + 1) + "\"}";
        String item = "{\"text\":\"The Senate passed the budget.\"}";
        String sixItems = "[" + String.join(",", java.util.Collections.nCopies(TestServer.MAX_BATCH + 1, item)) + "]";
        return Stream.of(
                expect(
                        bad(
                                "malformed JSON",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"title\": \"x\", \"text\": ",
                                WRITE_KEY),
                        400,
                        "malformed-json"),
                expect(
                        bad(
                                "malformed JSON in an article",
                                "PUT",
                                "/api/v1/articles/m1",
                                JSON,
                                "{\"title\" \"x\"}",
                                WRITE_KEY),
                        400,
                        "malformed-json"),
                expect(bad("empty body", "POST", "/api/v1/classify", JSON, "", WRITE_KEY), 400, "malformed-json"),
                expect(
                        bad(
                                "object where text goes",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"text\":{\"a\":1}}",
                                WRITE_KEY),
                        400,
                        "wrong-type"),
                expect(
                        bad(
                                "published not a time",
                                "PUT",
                                "/api/v1/articles/w1",
                                JSON,
                                "{\"text\":\"x\",\"published\":\"yesterday\"}",
                                WRITE_KEY),
                        400,
                        "wrong-type"),
                expect(
                        bad(
                                "tags not an array",
                                "PUT",
                                "/api/v1/articles/w2",
                                JSON,
                                "{\"text\":\"x\",\"tags\":{\"a\":1}}",
                                WRITE_KEY),
                        400,
                        "wrong-type"),
                expect(
                        bad(
                                "batch not an array",
                                "POST",
                                "/api/v1/classify/batch",
                                JSON,
                                "{\"text\":\"x\"}",
                                WRITE_KEY),
                        400,
                        "wrong-type"),
                expect(
                        bad(
                                "no text or html",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"title\":\"only a title\"}",
                                WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad(
                                "both text and html",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"text\":\"a\",\"html\":\"<p>a</p>\"}",
                                WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad("article without text", "PUT", "/api/v1/articles/f1", JSON, "{\"title\":\"t\"}", WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad(
                                "title too long",
                                "PUT",
                                "/api/v1/articles/f2",
                                JSON,
                                "{\"title\":\"" + "t".repeat(2001) + "\",\"text\":\"x\"}",
                                WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad("label missing", "PUT", "/api/v1/articles/f3/label", JSON, "{}", WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad("empty batch", "POST", "/api/v1/classify/batch", JSON, "[]", WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad(
                                "batch item without text",
                                "POST",
                                "/api/v1/classify/batch",
                                JSON,
                                "[" + item + ",{\"title\":\"t\"}]",
                                WRITE_KEY),
                        400,
                        "invalid-field"),
                expect(
                        bad(
                                "empty text",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"title\":\"\",\"text\":\"   \"}",
                                WRITE_KEY),
                        400,
                        "text-rejected"),
                expect(
                        bad("empty raw text", "POST", "/api/v1/classify", "text/plain", "\n\n", WRITE_KEY),
                        400,
                        "text-rejected"),
                expect(
                        bad("text too long", "POST", "/api/v1/classify", JSON, tooLong, WRITE_KEY),
                        400,
                        "text-rejected"),
                expect(
                        bad(
                                "binary text",
                                "POST",
                                "/api/v1/classify",
                                JSON,
                                "{\"text\":\"" + "\\u0001\\u0002".repeat(20) + "\"}",
                                WRITE_KEY),
                        400,
                        "text-rejected"),
                expect(bad("huge body", "POST", "/api/v1/classify", JSON, big, WRITE_KEY), 413, "body-too-large"),
                expect(
                        chunked(bad("huge chunked body", "POST", "/api/v1/classify", JSON, big, WRITE_KEY)),
                        413,
                        "body-too-large"),
                expect(
                        bad("batch too large", "POST", "/api/v1/classify/batch", JSON, sixItems, WRITE_KEY),
                        413,
                        "batch-too-large"),
                expect(
                        bad("unknown article", "GET", "/api/v1/articles/no-such-article", null, null, null),
                        404,
                        "article-not-found"),
                expect(
                        bad(
                                "delete unknown article",
                                "DELETE",
                                "/api/v1/articles/no-such-article",
                                null,
                                null,
                                WRITE_KEY),
                        404,
                        "article-not-found"),
                expect(
                        bad(
                                "label on unknown article",
                                "PUT",
                                "/api/v1/articles/no-such-article/label",
                                JSON,
                                "{\"label\":\"News\"}",
                                WRITE_KEY),
                        404,
                        "article-not-found"),
                expect(
                        bad(
                                "unknown label",
                                "PUT",
                                "/api/v1/articles/no-such-article/label",
                                JSON,
                                "{\"label\":\"Sport\"}",
                                WRITE_KEY),
                        400,
                        "unknown-label"),
                expect(
                        bad("unknown label in a filter", "GET", "/api/v1/articles?label=Sport", null, null, null),
                        400,
                        "unknown-label"),
                expect(
                        bad("since not a time", "GET", "/api/v1/articles?since=yesterday", null, null, null),
                        400,
                        "invalid-parameter"),
                expect(
                        bad("limit not a number", "GET", "/api/v1/articles?limit=ten", null, null, null),
                        400,
                        "invalid-parameter"),
                expect(
                        bad("limit out of range", "GET", "/api/v1/articles?limit=0", null, null, null),
                        400,
                        "invalid-parameter"),
                expect(
                        bad(
                                "explain not a boolean",
                                "POST",
                                "/api/v1/classify?explain=maybe",
                                JSON,
                                OK_TEXT,
                                WRITE_KEY),
                        400,
                        "invalid-parameter"),
                expect(
                        bad(
                                "unknown format",
                                "PUT",
                                "/api/v1/articles/p1?format=docx",
                                "text/plain",
                                "t\nx",
                                WRITE_KEY),
                        400,
                        "invalid-parameter"),
                expect(
                        bad("id too long", "PUT", "/api/v1/articles/" + "i".repeat(513), JSON, OK_TEXT, WRITE_KEY),
                        400,
                        "invalid-parameter"),
                expect(
                        bad(
                                "unsupported media type",
                                "POST",
                                "/api/v1/classify",
                                "application/pdf",
                                "%PDF-1.7",
                                WRITE_KEY),
                        415,
                        "unsupported-media-type"),
                expect(
                        bad(
                                "unsupported article shape",
                                "PUT",
                                "/api/v1/articles/u1",
                                "application/pdf",
                                "%PDF-1.7",
                                WRITE_KEY),
                        415,
                        "unsupported-media-type"),
                expect(bad("missing API key", "POST", "/api/v1/classify", JSON, OK_TEXT, null), 401, "missing-api-key"),
                expect(
                        bad("bad API key", "POST", "/api/v1/classify", JSON, OK_TEXT, "not-a-key-of-this-server"),
                        401,
                        "bad-api-key"),
                expect(
                        bad("missing key on delete", "DELETE", "/api/v1/articles/x", null, null, null),
                        401,
                        "missing-api-key"),
                expect(
                        bad("write key on reload", "POST", "/api/v1/model/reload", null, null, WRITE_KEY),
                        403,
                        "not-admin"),
                expect(
                        bad("bad key on reload", "POST", "/api/v1/model/reload", null, null, ADMIN_KEY + "x"),
                        401,
                        "bad-api-key"),
                expect(
                        bad("unknown scope", "GET", "/api/v1/trending?scope=planet", null, null, null),
                        400,
                        "unknown-scope"),
                expect(
                        bad("scope of an unknown label", "GET", "/api/v1/trending?scope=label:Sport", null, null, null),
                        400,
                        "unknown-scope"),
                expect(
                        bad("unknown window", "GET", "/api/v1/trending?window=year", null, null, null),
                        400,
                        "unknown-window"),
                expect(
                        bad("trending limit out of range", "GET", "/api/v1/trending?limit=0", null, null, null),
                        400,
                        "invalid-parameter"),
                expect(
                        bad("trending limit not a number", "GET", "/api/v1/trending?limit=ten", null, null, null),
                        400,
                        "invalid-parameter"),
                expect(
                        bad("malformed event", "POST", "/api/v1/events", JSON, "{\"articleId\": ", null),
                        400,
                        "malformed-json"),
                expect(
                        bad("event that is a string", "POST", "/api/v1/events", JSON, "\"view\"", null),
                        400,
                        "wrong-type"),
                expect(
                        bad(
                                "event article id of the wrong type",
                                "POST",
                                "/api/v1/events",
                                JSON,
                                "{\"articleId\":{\"a\":1}}",
                                null),
                        400,
                        "wrong-type"),
                expect(
                        bad("event without an article id", "POST", "/api/v1/events", JSON, "{\"type\":\"view\"}", null),
                        400,
                        "invalid-field"),
                expect(
                        bad(
                                "event of an unknown type",
                                "POST",
                                "/api/v1/events",
                                JSON,
                                "{\"articleId\":\"a\",\"type\":\"stare\"}",
                                null),
                        400,
                        "invalid-field"),
                expect(bad("empty event batch", "POST", "/api/v1/events", JSON, "[]", null), 400, "invalid-field"),
                expect(
                        bad(
                                "event batch too large",
                                "POST",
                                "/api/v1/events",
                                JSON,
                                EventsAndTrending.views("a", 501),
                                null),
                        413,
                        "batch-too-large"),
                expect(
                        bad("events as XML", "POST", "/api/v1/events", "application/xml", "<event/>", null),
                        415,
                        "unsupported-media-type"),
                expect(
                        bad("no such endpoint", "GET", "/api/v1/nothing-here", null, null, null),
                        404,
                        "no-such-endpoint"),
                expect(
                        bad("method not allowed", "DELETE", "/api/v1/classify", null, null, WRITE_KEY),
                        405,
                        "method-not-allowed"));
    }

    static Case expect(Case c, int status, String kind) {
        return new Case(c.name(), c.method(), c.path(), c.contentType(), c.body(), c.chunked(), c.key(), status, kind);
    }

    static Case chunked(Case c) {
        return new Case(c.name(), c.method(), c.path(), c.contentType(), c.body(), true, c.key(), c.status(), c.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnsweredWithProblemJsonSayingWhatToFix(Case c) {
        Api.Call call = new Api(port).method(c.method(), c.path()).key(c.key());
        if (c.body() != null) {
            call.body(c.contentType(), c.body());
        }
        if (c.chunked()) {
            call.chunked();
        }

        Api.Response r = call.send();

        assertThat(r.status()).as(r.text()).isEqualTo(c.status());
        assertThat(r.contentType()).startsWith("application/problem+json");
        var problem = r.json();
        assertThat(problem.path("type").asString()).as(r.text()).isEqualTo("urn:newsdesk:problem:" + c.kind());
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(c.path().replaceFirst("\\?.*", ""));
        assertThat(problem.path("detail").asString())
                .isNotBlank()
                .doesNotContainPattern("(java|jakarta|tools\\.jackson|org\\.springframework|dev\\.newsdesk)\\.")
                .doesNotContain("Exception");
        if (c.status() == 401) {
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @org.junit.jupiter.api.Test
    void aSitePageRefusingAParameterSaysWhichAndWhatWouldDo() {
        Api.Response r =
                new Api(port).method("GET", "/feeds/trending.json?limit=0").send();

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("urn:newsdesk:problem:invalid-parameter");
        assertThat(r.json().path("detail").asString()).isEqualTo("limit must be 1 to 50, was 0");
    }
}
