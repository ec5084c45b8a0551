package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionTest {

    private static final String WXR = "<?xml version=\"1.0\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">"
            + "<channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>";

    private static Format detect(String name, String contentType, Format explicit, String content) {
        var in = new BufferedInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return Readers.detect(new InputHint(name, contentType, explicit), in);
    }

    private static Format sniff(String content) {
        return detect(null, null, null, content);
    }

    @Test
    void explicitFormatWinsOverEverything() {
        assertThat(detect("a.csv", "text/html", Format.JSONL, "<html>")).isEqualTo(Format.JSONL);
    }

    @ParameterizedTest
    @CsvSource({
        "text/html; charset=utf-8, HTML",
        "application/xhtml+xml, HTML",
        "application/xml, WXR",
        "application/rss+xml, WXR",
        "text/xml, WXR",
        "text/csv, CSV",
        "application/x-ndjson, JSONL",
        "text/plain, TEXT"
    })
    void contentTypeNamesTheFormat(String contentType, Format expected) {
        assertThat(detect("upload.bin", contentType, null, "anything at all")).isEqualTo(expected);
    }

    @Test
    void contentTypeWinsOverFileName() {
        assertThat(detect("page.txt", "text/html", null, "x")).isEqualTo(Format.HTML);
    }

    @Test
    void jsonContentTypeTellsRestFromJsonLinesByContent() {
        assertThat(detect(null, "application/json", null, "[{\"id\":1}]")).isEqualTo(Format.WP_REST);
        assertThat(detect(null, "application/json", null, "{\"id\":4,\n \"title\":{}}"))
                .isEqualTo(Format.WP_REST);
        assertThat(detect(null, "application/json", null, "{\"title\":\"a\"}\n{\"title\":\"b\"}\n"))
                .isEqualTo(Format.JSONL);
    }

    @Test
    void plainTextContentTypeStillTellsPageDumpsFromText() {
        assertThat(detect(null, "text/plain", null, Shared.fixtureText("listing-page.txt")))
                .isEqualTo(Format.PAGE);
    }

    @ParameterizedTest
    @CsvSource({
        "export.xml, WXR",
        "export.WXR, WXR",
        "story.html, HTML",
        "story.htm, HTML",
        "posts.json, WP_REST",
        "corpus.jsonl, JSONL",
        "corpus.ndjson, JSONL",
        "corpus.csv, CSV",
        "note.txt, TEXT"
    })
    void fileExtensionNamesTheFormat(String name, Format expected) {
        assertThat(detect(name, null, null, "plain words")).isEqualTo(expected);
    }

    @Test
    void textFilesThatArePageDumpsAreReadAsPages() {
        assertThat(detect("page.txt", null, null, Shared.fixtureText("article-page.txt")))
                .isEqualTo(Format.PAGE);
    }

    @Test
    void sniffsTheFirstBytesWhenNothingElseIsKnown() {
        assertThat(sniff(WXR)).isEqualTo(Format.WXR);
        assertThat(sniff("\uFEFF  <rss version=\"2.0\">")).isEqualTo(Format.WXR);
        assertThat(sniff("<!DOCTYPE html><html><body>x")).isEqualTo(Format.HTML);
        assertThat(sniff("<?xml version=\"1.0\"?><!DOCTYPE html><html>")).isEqualTo(Format.HTML);
        assertThat(sniff("<p>fragment</p>")).isEqualTo(Format.HTML);
        assertThat(sniff("[]")).isEqualTo(Format.WP_REST);
        assertThat(sniff("{\"id\":1,\"title\":{\"rendered\":\"x\"}}")).isEqualTo(Format.WP_REST);
        assertThat(sniff("{\"title\":\"a\",\"text\":\"b\"}\n")).isEqualTo(Format.JSONL);
        assertThat(sniff("id,title,text,label\n1,a,b,News\n")).isEqualTo(Format.CSV);
        assertThat(sniff(Shared.fixtureText("listing-page.txt"))).isEqualTo(Format.PAGE);
        assertThat(sniff("Police arrest two, recover goods\nOfficers said...")).isEqualTo(Format.TEXT);
    }

    @Test
    void csvFromASpreadsheetWithAByteOrderMarkReads() {
        byte[] csv = ("\uFEFF" + Shared.fixtureText("corpus.csv")).getBytes(StandardCharsets.UTF_8);

        assertThat(Shared.read(Format.CSV, csv)).extracting(Article::id).containsExactly("c1", "c2");
    }

    @Test
    void readDetectsAndThenReadsFromTheFirstByte() {
        List<Article> out = new ArrayList<>();

        Format used = Readers.withDefaults()
                .read(
                        new ByteArrayInputStream(Shared.fixture("news-export.xml")),
                        InputHint.of("upload", "application/rss+xml"),
                        out::add);

        assertThat(used).isEqualTo(Format.WXR);
        assertThat(out).hasSize(4);
    }
}
