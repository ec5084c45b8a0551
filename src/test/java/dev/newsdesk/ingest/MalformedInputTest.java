package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Bad input is reported where it is: line and column, as an editor counts them. */
class MalformedInputTest {

    private static AbstractThrowableAssert<?, ?> reading(Format format, byte[] input, long line, long column) {
        return assertThatThrownBy(() -> Shared.read(format, input))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    org.assertj.core.api.Assertions.assertThat(ie.line())
                            .as("line")
                            .isEqualTo(line);
                    org.assertj.core.api.Assertions.assertThat(ie.column())
                            .as("column")
                            .isEqualTo(column);
                })
                .hasMessageStartingWith("test:" + line + ":" + column + ": ");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The text as UTF-8 with the byte {@code fromEnd} places from the end replaced by {@code value}. */
    private static byte[] withByte(String s, int fromEnd, int value) {
        byte[] b = utf8(s);
        b[b.length - fromEnd] = (byte) value;
        return b;
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        String xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n"
                + "<wp:wxr_version>1.2</wp:wxr_version>\n"
                + "<item><title>Broken</titel></item>\n"
                + "</channel></rss>";

        // the parser points at the mismatched end tag's name
        reading(Format.WXR, utf8(xml), 3, 22)
                .hasMessageContaining("malformed XML")
                .hasMessageContaining("</title>");
    }

    @Test
    void xmlEndingEarlyReportsWhereItEnded() {
        String xml = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n"
                + "<wp:wxr_version>1.2</wp:wxr_version>\n<item><title>Cut off";

        reading(Format.WXR, utf8(xml), 3, 21)
                .hasMessageContaining("malformed XML")
                .hasMessageContaining("cut off");
    }

    @Test
    void invalidUtf8InXmlReportsLineAndColumn() {
        byte[] xml = withByte("<rss>\n<channel><title>café?</title>", 9, 0xFF);

        reading(Format.WXR, xml, 2, 21).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void xmlDeclaringAnUnknownEncodingIsRefused() {
        reading(Format.WXR, utf8("<?xml version=\"1.0\" encoding=\"klingon-8\"?><rss/>"), 1, 1)
                .hasMessageContaining("'klingon-8'");
    }

    @Test
    void invalidUtf8InCsvReportsLineAndColumn() {
        byte[] csv = withByte("title,text\nok,fine\nbad,wo?ds\n", 4, 0xFE);

        reading(Format.CSV, csv, 3, 7).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void invalidUtf8InHtmlReportsLineAndColumn() {
        byte[] html = utf8("<html>\n<body>\n<p>café \u0000</p>");
        html[html.length - 5] = (byte) 0xC3; // a lead byte followed by a space: not UTF-8
        html[html.length - 4] = ' ';

        reading(Format.HTML, html, 3, 9).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void binaryHtmlReportsWhereTheNulByteIs() {
        reading(Format.HTML, utf8("<p>ok</p>\n<p>a\u0000b</p>"), 2, 5).hasMessageContaining("NUL");
    }

    @Test
    void malformedRestJsonReportsLineAndColumn() {
        String json = "[\n  {\"title\": {\"rendered\": \"A\"}},\n  {\"title\": }\n]";

        reading(Format.WP_REST, utf8(json), 3, 13).hasMessageContaining("malformed JSON");
    }

    @Test
    void malformedJsonLineReportsLineAndColumn() {
        String jsonl = "{\"title\":\"ok\",\"text\":\"fine\"}\n{\"title\":\"bad\" \"text\":\"x\"}\n";

        reading(Format.JSONL, utf8(jsonl), 2, 16).hasMessageContaining("malformed JSON");
    }

    @Test
    void invalidUtf8InJsonLinesReportsLineAndColumn() {
        byte[] jsonl = withByte("{\"title\":\"ok\"}\n{\"title\":\"b?d\"}\n", 5, 0xFF);

        reading(Format.JSONL, jsonl, 2, 12).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void csvQuoteFollowedByTextReportsLineAndColumn() {
        reading(Format.CSV, utf8("title,text\nok,fine\n\"bad\"x,words\n"), 3, 6)
                .hasMessageContaining("quoted field must be followed by a comma");
    }

    @Test
    void csvQuoteNeverClosedReportsTheRecordStart() {
        reading(Format.CSV, utf8("title,text\nok,fine\nopen,\"never closed\n"), 3, 1)
                .hasMessageContaining("never closed");
    }

    @Test
    void csvRecordWithTooManyFieldsReportsItsLine() {
        reading(Format.CSV, utf8("title,text\nok,fine,extra\n"), 2, 1).hasMessageContaining("3 fields");
    }
}
