package dev.newsdesk.ingest;

import static java.util.stream.Collectors.toList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties every reader must keep on any bytes at all: it returns articles or throws {@link InputException}, and
 * nothing else (no parser exception, no stack overflow, no out-of-memory). Inputs are random bytes and text, and
 * mutations of valid inputs of every format: flipped bytes, truncation, inserted bytes, a DOCTYPE or an entity,
 * deep nesting, repeated and deleted slices. Each property also runs through detection (no format given).
 *
 * <p>Subclasses set the number of tries: {@link ReaderFuzzSmokeTest} in every build, {@link ReaderFuzzTest} in the
 * fuzz profile.
 */
abstract class ReaderFuzzing {

    // small records and inputs so that limits are reached too; the reader must refuse, not fail
    private static final Readers READERS = new Readers(new IngestLimits(1 << 20, 64 << 10));
    private static final Readers PAGES_TOO =
            READERS.withOptions(ReadOptions.DEFAULT.withPostTypes(java.util.Set.of("post", "page", "attachment")));

    /** A valid input of a known format, to mutate. */
    record Seed(String name, Format format, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + format.id() + ", " + bytes.length + " bytes)";
        }
    }

    enum Kind {
        FLIP,
        TRUNCATE,
        INSERT_BYTES,
        INSERT_DOCTYPE,
        INSERT_ENTITY,
        NEST,
        DUPLICATE,
        DELETE
    }

    /** One change to an input, at a relative position. */
    record Mutation(Kind kind, double at, int length, byte[] payload) {
        byte[] apply(byte[] in) {
            int pos = (int) (at * in.length);
            return switch (kind) {
                case FLIP -> {
                    byte[] out = in.clone();
                    if (out.length > 0) {
                        out[Math.min(pos, out.length - 1)] ^= (byte) (1 << (length % 8));
                    }
                    yield out;
                }
                case TRUNCATE -> Arrays.copyOf(in, pos);
                case INSERT_BYTES -> insert(in, pos, payload);
                case INSERT_DOCTYPE ->
                    insert(
                            in,
                            pos,
                            ("<!DOCTYPE x [<!ENTITY a \"b\"><!ENTITY e SYSTEM \"file:///etc/hostname\">]>")
                                    .getBytes(StandardCharsets.US_ASCII));
                case INSERT_ENTITY -> insert(in, pos, "&a;&e;&#0;&#xD800;&amp".getBytes(StandardCharsets.US_ASCII));
                case NEST -> insert(in, pos, nesting(length));
                case DUPLICATE -> {
                    int end = Math.min(in.length, pos + length * 16);
                    yield insert(in, pos, Arrays.copyOfRange(in, pos, end));
                }
                case DELETE -> {
                    int end = Math.min(in.length, pos + length * 8);
                    byte[] out = new byte[in.length - (end - pos)];
                    System.arraycopy(in, 0, out, 0, pos);
                    System.arraycopy(in, end, out, pos, in.length - end);
                    yield out;
                }
            };
        }

        private byte[] nesting(int depth) {
            String[] opens = {"<div>", "<item>", "[", "{\"a\":", "<p><b><i>", "<![CDATA[<!--"};
            String open = opens[Math.floorMod(payload.length, opens.length)];
            return open.repeat(depth * 8).getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] insert(byte[] in, int pos, byte[] what) {
            byte[] out = new byte[in.length + what.length];
            System.arraycopy(in, 0, out, 0, pos);
            System.arraycopy(what, 0, out, pos, what.length);
            System.arraycopy(in, pos, out, pos + what.length, in.length - pos);
            return out;
        }

        @Override
        public String toString() {
            return kind + "@" + String.format(java.util.Locale.ROOT, "%.3f", at) + "/" + length;
        }
    }

    @Property
    void randomBytesRaiseOnlyInputErrors(@ForAll @WithNull(0.3) Format format, @ForAll @Size(max = 3000) byte[] bytes) {
        check(format, bytes);
    }

    @Property
    void randomTextRaisesOnlyInputErrors(
            @ForAll @WithNull(0.3) Format format, @ForAll @StringLength(max = 2000) String text) {
        check(format, text.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void mutatedValidInputsRaiseOnlyInputErrors(
            @ForAll("seeds") Seed seed, @ForAll("mutations") List<Mutation> mutations, @ForAll boolean detect) {
        byte[] bytes = seed.bytes();
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }
        check(detect ? null : seed.format(), bytes);
    }

    /** A format first, then one of its seeds, so that the many WXR edge cases do not crowd out the other formats. */
    @Provide
    Arbitrary<Seed> seeds() {
        Map<Format, List<Seed>> byFormat = SEEDS.stream()
                .collect(Collectors.groupingBy(Seed::format, () -> new EnumMap<>(Format.class), toList()));
        return Arbitraries.of(byFormat.keySet()).flatMap(f -> Arbitraries.of(byFormat.get(f)));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                        // structure-breaking insertions are rarer, so that most mutants get past the first element
                        Arbitraries.frequency(
                                Tuple.of(5, Kind.FLIP),
                                Tuple.of(2, Kind.TRUNCATE),
                                Tuple.of(3, Kind.INSERT_BYTES),
                                Tuple.of(1, Kind.INSERT_DOCTYPE),
                                Tuple.of(2, Kind.INSERT_ENTITY),
                                Tuple.of(2, Kind.NEST),
                                Tuple.of(3, Kind.DUPLICATE),
                                Tuple.of(3, Kind.DELETE)),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 700),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    private static void check(Format format, byte[] bytes) {
        InputHint hint = new InputHint("fuzz", null, format);
        String shape = format != null ? format.id() : "detected " + detected(hint, bytes);
        String outcome;
        try {
            int[] articles = {0};
            (bytes.length % 2 == 0 ? READERS : PAGES_TOO).read(new ByteArrayInputStream(bytes), hint, a -> {
                if (a == null || a.id() == null || a.body() == null || a.title() == null) {
                    throw new AssertionError("incomplete article " + a);
                }
                articles[0]++;
            });
            outcome = shape + ": read";
        } catch (InputException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("input error without a message", e);
            }
            outcome = shape + ": refused";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("a reader let " + e + " escape; only InputException may", e);
        }
        Statistics.collect(outcome);
    }

    private static String detected(InputHint hint, byte[] bytes) {
        return Readers.detect(hint, new java.io.BufferedInputStream(new ByteArrayInputStream(bytes)))
                .id();
    }

    private static final List<Seed> SEEDS = seeds(
            "news-export.xml",
            "export-1.0.xml",
            "article.html",
            "listing-page.txt",
            "article-page.txt",
            "rest-posts-embed.json",
            "rest-posts.json",
            "corpus.jsonl",
            "corpus.csv");

    private static List<Seed> seeds(String... fixtures) {
        List<Seed> out = new ArrayList<>();
        for (String f : fixtures) {
            out.add(new Seed(
                    f,
                    Readers.formatOfFileName(f).equals(Format.TEXT) ? Format.PAGE : Readers.formatOfFileName(f),
                    Shared.fixture(f)));
        }
        out.add(new Seed(
                "plain.txt",
                Format.TEXT,
                "Headline\n\nBody line one.\nBody line two.".getBytes(StandardCharsets.UTF_8)));
        // the WordPress importer's own edge cases, read from ../shared at run time (never copied)
        Path importer = Shared.path("wordpress/wxr/wordpress-importer-fixtures");
        try (Stream<Path> files = Files.list(importer)) {
            for (Path p :
                    files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                if (Files.size(p) < 64 * 1024) {
                    out.add(new Seed(p.getFileName().toString(), Format.WXR, Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
