package dev.newsdesk.web;

import static dev.newsdesk.web.TestServer.ADMIN_KEY;
import static dev.newsdesk.web.TestServer.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.support.TestModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every endpoint once, through a real server and database; run on H2 and on PostgreSQL by the subclasses. */
@ServerTest
abstract class ApiRoundTrips {

    static final String CRIME_TITLE = "Police arrest two robbery suspects";
    static final String CRIME_TEXT =
            "Officers arrested two suspects after the robbery and charged them in court on Tuesday.";
    static final String OPINION_TEXT = "I believe we must demand better from our leaders. Why must we wait?";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String articleJson(String title, String text) {
        return Api.JSON.createObjectNode().put("title", title).put("text", text).toString();
    }

    @Test
    void classifiesJsonWithLabelProbabilitiesEvidenceAndModelVersion() {
        Api.Response r = api.post("/api/v1/classify")
                .key(WRITE_KEY)
                .json(articleJson(CRIME_TITLE, CRIME_TEXT))
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("label").asString()).isEqualTo("Crime");
        assertThat(p.path("probabilities").size()).isEqualTo(3);
        assertThat(p.path("confidence").asDouble())
                .isEqualTo(p.path("probabilities").path("Crime").asDouble());
        assertThat(p.path("evidence").get(0).path("term").asString()).isNotBlank();
        assertThat(p.path("needsReview").isBoolean()).isTrue();
        assertThat(p.path("modelVersion").asString()).isEqualTo(servedVersion());
    }

    @Test
    void classifiesRawPlainTextWithTheFirstLineAsTitle() {
        Api.Response r = api.post("/api/v1/classify?explain=false")
                .key(WRITE_KEY)
                .body("text/plain; charset=UTF-8", CRIME_TITLE + "\n" + CRIME_TEXT)
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("label").asString()).isEqualTo("Crime");
        assertThat(r.json().path("evidence").size()).isZero();
    }

    static final String PAGE = "<!doctype html><html><head><title>Herald</title>"
            + "<meta property=\"og:title\" content=\"" + CRIME_TITLE + "\"></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
            + "<article><h1>" + CRIME_TITLE + "</h1><p>" + CRIME_TEXT + "</p>"
            + "<p>The suspects will appear in court again next week, the police said.</p></article>"
            + "<footer>Leave a Reply. Your email address will not be published.</footer></body></html>";

    @Test
    void classifiesAnHtmlPageSentAsJsonOrRaw() {
        Api.Response json = api.post("/api/v1/classify")
                .key(WRITE_KEY)
                .json(Api.JSON.createObjectNode().put("html", PAGE).toString())
                .send();
        Api.Response raw = api.post("/api/v1/classify")
                .key(WRITE_KEY)
                .body("text/html; charset=UTF-8", PAGE)
                .send();

        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.json().path("label").asString()).isEqualTo("Crime");
        assertThat(raw.status()).as(raw.text()).isEqualTo(200);
        assertThat(raw.json().path("probabilities")).isEqualTo(json.json().path("probabilities"));
    }

    @Test
    void putReadsAWordPressExportItemWithItsCategoryAndStatus() {
        String id = unique("wxr");
        String wxr = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                + "<channel><wp:wxr_version>1.2</wp:wxr_version><item><title>" + CRIME_TITLE + "</title>"
                + "<dc:creator><![CDATA[desk]]></dc:creator>"
                + "<category domain=\"category\" nicename=\"metro\"><![CDATA[Metro]]></category>"
                + "<content:encoded><![CDATA[<p>" + CRIME_TEXT + "</p>]]></content:encoded>"
                + "<wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status>"
                + "</item></channel></rss>";

        Api.Response r = api.put("/api/v1/articles/" + id)
                .key(WRITE_KEY)
                .body("application/xml", wxr)
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("id").asString()).isEqualTo(id);
        assertThat(r.json().path("title").asString()).isEqualTo(CRIME_TITLE);
        assertThat(r.json().path("siteCategory").asString()).isEqualTo("Metro");
        assertThat(r.json().path("draft").asBoolean()).isTrue();
        assertThat(r.json().path("label").asString()).isEqualTo("Crime");
    }

    @Test
    void batchAnswersInRequestOrderWithOneModelVersion() {
        String batch = "[" + articleJson(CRIME_TITLE, CRIME_TEXT).replace("{", "{\"id\":\"c\",") + ","
                + articleJson("We must act", OPINION_TEXT).replace("{", "{\"id\":\"o\",") + "]";

        Api.Response r =
                api.post("/api/v1/classify/batch").key(WRITE_KEY).json(batch).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode results = r.json().path("results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).path("id").asString()).isEqualTo("c");
        assertThat(results.get(0).path("label").asString()).isEqualTo("Crime");
        assertThat(results.get(1).path("id").asString()).isEqualTo("o");
        assertThat(results.get(1).path("label").asString()).isEqualTo("Opinion");
        assertThat(r.json().path("modelVersion").asString()).isEqualTo(servedVersion());
    }

    @Test
    void putStoresAClassifiedArticleThenUpdatesItKeepingItsCreationTime() {
        String id = unique("put");
        String body = Api.JSON
                .createObjectNode()
                .put("title", CRIME_TITLE)
                .put("text", CRIME_TEXT)
                .put("author", "Desk Reporter")
                .put("published", "2026-03-01T08:00:00Z")
                .put("siteCategory", "Metro")
                .put("url", "https://site.example/a")
                .set("tags", Api.JSON.createArrayNode().add("police"))
                .toString();

        Api.Response created =
                api.put("/api/v1/articles/" + id).key(WRITE_KEY).json(body).send();
        Api.Response updated = api.put("/api/v1/articles/" + id)
                .key(WRITE_KEY)
                .json(articleJson("We must act", OPINION_TEXT))
                .send();

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + id);
        JsonNode a = created.json();
        assertThat(a.path("label").asString()).isEqualTo("Crime");
        assertThat(a.path("model").path("modelVersion").asString()).isEqualTo(servedVersion());
        assertThat(a.path("model").path("probabilities").size()).isEqualTo(3);
        assertThat(a.path("author").asString()).isEqualTo("Desk Reporter");
        assertThat(a.path("published").asString()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(a.path("tags").get(0).asString()).isEqualTo("police");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("label").asString()).isEqualTo("Opinion");
        assertThat(updated.json().path("createdAt").asString())
                .isEqualTo(a.path("createdAt").asString());
    }

    @Test
    void putAcceptsPlainTextAsADraftWhichOnlyKeyHoldersSee() {
        String id = unique("text");
        Api.Response put = api.put("/api/v1/articles/" + id + "?draft=true")
                .key(WRITE_KEY)
                .body("text/plain", CRIME_TITLE + "\n" + CRIME_TEXT)
                .send();
        Api.Response got = api.get("/api/v1/articles/" + id).key(WRITE_KEY).send();
        Api.Response hidden = api.get("/api/v1/articles/" + id).send();
        Api.Response listed = api.get("/api/v1/articles?limit=1000").send();

        assertThat(hidden.status()).as("a draft is not public").isEqualTo(404);
        assertThat(idsOf(listed)).doesNotContain(id);
        assertThat(put.status()).as(put.text()).isEqualTo(201);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("title").asString()).isEqualTo(CRIME_TITLE);
        assertThat(got.json().path("text").asString()).isEqualTo(CRIME_TEXT);
        assertThat(got.json().path("label").asString()).isEqualTo("Crime");
        assertThat(got.json().path("draft").asBoolean()).isTrue();
    }

    @Test
    void listFiltersByLabelAndSinceAndLeavesTextOut() {
        Instant before = Instant.now().minusSeconds(1);
        String crime = unique("list-crime");
        String opinion = unique("list-opinion");
        store(crime, CRIME_TITLE, CRIME_TEXT);
        store(opinion, "We must act", OPINION_TEXT);

        Api.Response r = api.get("/api/v1/articles?label=crime&since=" + before + "&limit=1000")
                .send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("articles").forEach(a -> {
            ids.add(a.path("id").asString());
            assertThat(a.path("label").asString()).isEqualTo("Crime");
            assertThat(a.has("text")).isFalse();
        });
        assertThat(ids).contains(crime).doesNotContain(opinion);
        assertThat(r.json().path("count").asInt()).isEqualTo(ids.size());
        Api.Response later = api.get("/api/v1/articles?since=" + Instant.now().plusSeconds(60))
                .send();
        assertThat(later.json().path("count").asInt()).isZero();
    }

    @Test
    void deleteRemovesTheArticle() {
        String id = unique("delete");
        store(id, CRIME_TITLE, CRIME_TEXT);

        Api.Response deleted =
                api.delete("/api/v1/articles/" + id).key(WRITE_KEY).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/articles/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void editorsLabelIsKeptApartFromTheModelsAndCanBeWithdrawn() {
        String id = unique("correct");
        store(id, CRIME_TITLE, CRIME_TEXT);

        Api.Response corrected = api.put("/api/v1/articles/" + id + "/label")
                .key(WRITE_KEY)
                .json("{\"label\":\"opinion\",\"editor\":\"ada\",\"note\":\"a column\"}")
                .send();

        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        JsonNode a = api.get("/api/v1/articles/" + id).send().json();
        assertThat(a.path("label").asString()).isEqualTo("Opinion");
        assertThat(a.path("model").path("label").asString()).isEqualTo("Crime");
        assertThat(a.path("correction").path("label").asString()).isEqualTo("Opinion");
        assertThat(a.path("correction").path("editor").asString()).isEqualTo("ada");
        assertThat(a.path("correction").path("modelLabel").asString()).isEqualTo("Crime");
        assertThat(idsOf(api.get("/api/v1/articles?label=Opinion&limit=1000").send()))
                .contains(id);

        Api.Response withdrawn =
                api.delete("/api/v1/articles/" + id + "/label").key(WRITE_KEY).send();

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("label").asString()).isEqualTo("Crime");
        assertThat(withdrawn.json().has("correction")).isFalse();
    }

    @Test
    void editorsCorrectionsExportAsAJsonLinesCorpusForAdminsOnly() {
        String id = unique("export");
        store(id, CRIME_TITLE, CRIME_TEXT);
        api.put("/api/v1/articles/" + id + "/label")
                .key(WRITE_KEY)
                .json("{\"label\":\"opinion\",\"editor\":\"ada\"}")
                .send();

        Api.Response export = api.get("/api/v1/corrections").key(ADMIN_KEY).send();

        assertThat(export.status()).as(export.text()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        JsonNode line = export.text()
                .lines()
                .map(l ->
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(l))
                .filter(n -> n.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(line.path("label").asString()).isEqualTo("Opinion");
        assertThat(line.path("title").asString()).isEqualTo(CRIME_TITLE);
        assertThat(line.path("text").asString()).isEqualTo(CRIME_TEXT);
        assertThat(api.get("/api/v1/corrections").key(WRITE_KEY).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/corrections").send().status()).isEqualTo(401);
    }

    @Test
    void modelCardShowsVersionLabelsAndTraining() {
        Api.Response r = api.get("/api/v1/model").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("version").asString()).startsWith("20260101-000000-");
        assertThat(r.json().path("labels").toString()).isEqualTo("[\"Crime\",\"News\",\"Opinion\"]");
        assertThat(r.json().path("corpusDocuments").asInt()).isEqualTo(24);
    }

    @Test
    void reloadWithAnAdminKeyReadsTheModelAgain() {
        Api.Response r = api.post("/api/v1/model/reload").key(ADMIN_KEY).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("previousVersion").asString())
                .isEqualTo(r.json().path("version").asString());
    }

    @Test
    void healthShowsModelAndDatabase() {
        Api.Response r = api.get("/actuator/health").send();

        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json().path("components");
        assertThat(c.path("model").path("status").asString()).isEqualTo("UP");
        assertThat(c.path("model").path("details").path("version").asString()).isEqualTo(servedVersion());
        assertThat(c.path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsClassifyLatencyPredictionsReviewShareAndModelVersion() {
        api.post("/api/v1/classify")
                .key(WRITE_KEY)
                .json(articleJson(CRIME_TITLE, CRIME_TEXT))
                .send();

        String metrics = api.get("/actuator/prometheus").send().text();

        assertThat(metrics)
                .contains("newsdesk_classify_latency_seconds_count{application=\"newsdesk\",label=\"Crime\"}")
                .contains("newsdesk_classify_predictions_total{application=\"newsdesk\",label=\"Crime\",review=")
                .contains("newsdesk_classify_review_share{application=\"newsdesk\"}")
                .containsPattern("newsdesk_model_info\\{application=\"newsdesk\",version=\"" + servedVersion()
                        + "\"} 1(\\.0)?\n");
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        Api.Response docs = api.get("/v3/api-docs").send();
        Api.Response ui = api.get("/swagger-ui/index.html").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/classify",
                        "/api/v1/classify/batch",
                        "/api/v1/articles",
                        "/api/v1/articles/{id}",
                        "/api/v1/articles/{id}/label",
                        "/api/v1/model",
                        "/api/v1/model/reload");
        assertThat(ui.status()).isEqualTo(200);
    }

    Api.Response store(String id, String title, String text) {
        return api.put("/api/v1/articles/" + id)
                .key(WRITE_KEY)
                .json(articleJson(title, text))
                .send();
    }

    String servedVersion() {
        return api.get("/api/v1/model").send().json().path("version").asString();
    }

    static List<String> idsOf(Api.Response r) {
        List<String> ids = new ArrayList<>();
        r.json().path("articles").forEach(a -> ids.add(a.path("id").asString()));
        return ids;
    }

    static String firstVersion() {
        return TestModels.FIRST.toString();
    }
}
