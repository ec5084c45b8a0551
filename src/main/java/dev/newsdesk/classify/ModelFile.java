package dev.newsdesk.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model file: a magic line, the format version, the card as JSON, then the payload (a gzipped, Java-serialised
 * {@link LinearModel}). Loading checks the magic, the version and the payload's SHA-256 against the card before a
 * single payload byte is deserialised, and deserialises through an allowlist filter. Writing goes to a temporary
 * file that is moved into place, so a failed write leaves nothing behind.
 */
public final class ModelFile {

    /** The format this Newsdesk writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Where the bundled model lives on the class path. */
    public static final String BUNDLED = "/model/newsdesk-default.ndm";

    private static final byte[] MAGIC = "NEWSDESK-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CARD_BYTES = 4 << 20;
    private static final long MAX_PAYLOAD_BYTES = 512L << 20;
    /** Cards written before a setting existed lack it; a missing boolean reads as off (the old behaviour). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final ObjectInputFilter ALLOWLIST = ObjectInputFilter.Config.createFilter(
            "maxdepth=8;maxrefs=64;maxarray=" + (1 << 26) + ";" + "dev.newsdesk.classify.LinearModel;"
                    + "dev.newsdesk.classify.FeaturizerSettings;java.lang.String;[F;[Ljava.lang.String;!*");

    private ModelFile() {}

    /** Writes card and model to {@code path} atomically; returns the card with its payload checksum filled in. */
    public static ModelCard write(Path path, ModelCard card, LinearModel model) {
        try {
            byte[] payload = serialise(model);
            ModelCard sealed = card.withPayloadSha256(sha256(payload));
            byte[] cardBytes = JSON.writeValueAsBytes(sealed);
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".newsdesk-model-", ".tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp);
                        DataOutputStream out = new DataOutputStream(os)) {
                    out.write(MAGIC);
                    out.writeInt(FORMAT_VERSION);
                    out.writeInt(cardBytes.length);
                    out.write(cardBytes);
                    out.writeLong(payload.length);
                    out.write(payload);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                // temporary files are created owner-only; a model or report is meant to be read by the server's user
                // too
                readableByAll(path);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return sealed;
        } catch (IOException e) {
            throw new ModelException("cannot write model to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads and verifies a model file. */
    public static LoadedModel load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new ModelException(path + ": no such model file");
        } catch (AccessDeniedException e) {
            throw new ModelException(path + ": cannot read the model file (permission denied)");
        } catch (IOException e) {
            throw new ModelException(path + ": cannot read the model file: " + e.getMessage(), e);
        }
    }

    /** Loads the model bundled in the jar. */
    public static LoadedModel loadBundled() {
        try (InputStream in = ModelFile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ModelException(
                        "no bundled model in this build; train one with 'newsdesk train' and pass --model");
            }
            return read(in, "bundled model");
        } catch (IOException e) {
            throw new ModelException("cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    /** Reads and verifies a model from a stream; {@code name} names it in messages. */
    public static LoadedModel read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelException(name + " is not a Newsdesk model file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new ModelException(
                        name + " has model format version " + version + "; this Newsdesk reads version "
                                + FORMAT_VERSION + ": retrain it with this version's 'newsdesk train'");
            }
            int cardLength = in.readInt();
            if (cardLength <= 0 || cardLength > MAX_CARD_BYTES) {
                throw corrupt(name, "card length " + cardLength);
            }
            ModelCard card;
            try {
                card = JSON.readValue(in.readNBytes(cardLength), ModelCard.class);
            } catch (JacksonException e) {
                throw corrupt(name, "unreadable card");
            }
            long payloadLength = in.readLong();
            if (payloadLength <= 0 || payloadLength > MAX_PAYLOAD_BYTES) {
                throw corrupt(name, "payload length " + payloadLength);
            }
            byte[] payload = in.readNBytes((int) payloadLength);
            if (payload.length != payloadLength) {
                throw corrupt(name, "the file is truncated");
            }
            if (card.payloadSha256() == null || !card.payloadSha256().equals(sha256(payload))) {
                throw new ModelException(
                        name + " failed its checksum: the file is damaged or was modified after training");
            }
            LinearModel model = deserialise(payload, name);
            if (!Arrays.asList(model.labels()).equals(card.labels())) {
                throw corrupt(name, "card and payload disagree on labels");
            }
            return new LoadedModel(card, model);
        } catch (EOFException e) {
            throw corrupt(name, "the file is truncated");
        }
    }

    private static ModelException corrupt(String name, String what) {
        return new ModelException(name + " is damaged (" + what + "); retrain or copy the model file again");
    }

    private static byte[] serialise(LinearModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeObject(model);
        }
        return bytes.toByteArray();
    }

    private static LinearModel deserialise(byte[] payload, String name) throws IOException {
        try (ObjectInputStream in =
                new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(payload), 1 << 16))) {
            in.setObjectInputFilter(ALLOWLIST);
            Object o = in.readObject();
            if (!(o instanceof LinearModel m)) {
                throw corrupt(name, "unexpected payload");
            }
            return m;
        } catch (InvalidClassException e) {
            throw new ModelException(name + " holds classes this Newsdesk does not load: " + e.getMessage());
        } catch (ClassNotFoundException | IllegalArgumentException | ClassCastException e) {
            throw corrupt(name, "unreadable payload");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readableByAll(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
