package dev.newsdesk.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.support.TestCorpora;
import dev.newsdesk.training.Trainer;
import dev.newsdesk.training.TrainingProgress;
import dev.newsdesk.training.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ModelFileTest {

    static TrainingResult trained;

    @BeforeAll
    static void train() {
        trained = new Trainer(Clock.systemUTC())
                .train(TestCorpora.tinyCorpus(), TestCorpora.quick(0), TrainingProgress.NONE);
    }

    private static Path written(Path dir) {
        Path file = dir.resolve("m.ndm");
        ModelFile.write(file, trained.card(), trained.model());
        return file;
    }

    @Test
    void writeLeavesOnlyTheModelFile(@TempDir Path dir) throws Exception {
        written(dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.ndm");
        }
    }

    @Test
    void refusesAFileThatIsNotAModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.ndm");
        Files.writeString(file, "just some text, not a model");
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("is not a Newsdesk model file");
    }

    @Test
    void refusesAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("absent.ndm")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no such model file");
    }

    @Test
    void refusesATamperedPayload(@TempDir Path dir) throws Exception {
        Path file = written(dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x5A;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("failed its checksum");
    }

    @Test
    void refusesAnUnknownFormatVersion(@TempDir Path dir) throws Exception {
        Path file = written(dir);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt("NEWSDESK-MODEL\n".length(), 99);
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void refusesATruncatedFile(@TempDir Path dir) throws Exception {
        Path file = written(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesAPayloadWithClassesOutsideTheAllowlistEvenWithAMatchingChecksum(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(payload))) {
            HashMap<String, String> gadget = new HashMap<>();
            gadget.put("not", "a model");
            out.writeObject(gadget);
        }
        byte[] p = payload.toByteArray();
        ModelCard card = trained.card().withPayloadSha256(ModelFile.sha256(p));
        byte[] cardBytes = JsonMapper.builder().build().writeValueAsBytes(card);
        Path file = dir.resolve("gadget.ndm");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write("NEWSDESK-MODEL\n".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(ModelFile.FORMAT_VERSION);
            out.writeInt(cardBytes.length);
            out.write(cardBytes);
            out.writeLong(p.length);
            out.write(p);
        }
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("does not load");
    }
}
