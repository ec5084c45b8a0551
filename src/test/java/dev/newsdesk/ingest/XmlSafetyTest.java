package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {

    private static final String ITEM = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
            + "<wp:wxr_version>1.2</wp:wxr_version><item><title>%s</title><wp:post_type>post</wp:post_type>"
            + "<wp:status>publish</wp:status></item></channel></rss>";

    private static List<Article> wxr(String xml) {
        List<Article> out = new ArrayList<>();
        Readers.withDefaults()
                .read(
                        new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                        new InputHint("attack.xml", null, Format.WXR),
                        out::add);
        return out;
    }

    @Test
    void readsTheSameExportWithoutADoctype() {
        assertThat(wxr("<?xml version=\"1.0\"?>" + ITEM.formatted("Fine"))).hasSize(1);
    }

    @Test
    void rejectsWxrWithDoctype() {
        assertThatThrownBy(() -> wxr("<?xml version=\"1.0\"?>\n<!DOCTYPE rss>\n" + ITEM.formatted("x")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void rejectsWxrWithExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + ITEM.formatted("&leak;");
        List<Article> seen = new ArrayList<>();

        assertThatThrownBy(() -> Readers.withDefaults()
                        .read(
                                new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                                new InputHint("attack.xml", null, Format.WXR),
                                seen::add))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused")
                .hasMessageNotContaining("TOP-SECRET");
        assertThat(seen).isEmpty();
    }

    @Test
    void rejectsWxrWithExternalDtd() {
        // an unroutable address: were the DTD fetched, this would hang or fail with a network error instead
        assertThatThrownBy(() -> wxr("<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://192.0.2.1/evil.dtd\">\n"
                        + ITEM.formatted("x")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void rejectsWxrWithParameterEntity() {
        assertThatThrownBy(() -> wxr("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM"
                        + " \"file:///etc/passwd\"> %p;]>\n" + ITEM.formatted("x")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void rejectsEntityExpansionBomb() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>\n");

        assertThatThrownBy(() -> wxr(dtd + ITEM.formatted("&lol9;")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }

    @Test
    void entityWithoutDeclarationIsMalformedWithItsPosition() {
        assertThatThrownBy(() -> wxr(ITEM.formatted("&nbsp;")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nbsp")
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.line()).isEqualTo(1);
                    assertThat(ie.column()).isPositive();
                });
    }

    @Test
    void entityLookalikeInsideCdataIsJustText() {
        assertThat(wxr(ITEM.formatted("<![CDATA[&lol1;]]>")))
                .extracting(Article::title)
                .containsExactly("&lol1;");
    }

    @Test
    void detectedXmlGoesThroughTheSameGuard() {
        byte[] xml = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]>" + ITEM.formatted("&a;"))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Readers.withDefaults()
                        .read(
                                new java.io.ByteArrayInputStream(xml),
                                InputHint.of("upload", "application/xml"),
                                a -> {}))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE is refused");
    }
}
