package dev.newsdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Readers;
import dev.newsdesk.support.TestCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus in {@code training/} is our own writing: no run of 12 consecutive words from the shared real-world data
 * sets or the seed pages appears in it, and no two of its records share such a run.
 */
class CorpusOriginalityTest {

    static final int RUN = 12;
    private static final Pattern WORD = Pattern.compile("[0-9a-z]+(?:'[a-z]+)?");

    @Test
    void noTwelveWordRunIsCopiedFromSharedDataOrSeeds() throws IOException {
        LongSet shared = new LongSet(1 << 24);
        try (Stream<Path> files = Files.list(TestCorpora.shared("corpora"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                Readers.withDefaults().read(f, null, a -> runs(a.title() + " . " + a.body(), shared::add));
            }
        }
        try (Stream<Path> files = Files.list(TestCorpora.shared("seeds"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                runs(Files.readString(f), shared::add);
            }
        }
        assertThat(shared.size()).as("shared data read").isGreaterThan(1_000_000);
        List<String> copied = new ArrayList<>();
        for (Article a : ourCorpus()) {
            runs(a.title() + " . " + a.body(), h -> {
                if (shared.contains(h) && copied.size() < 20) {
                    copied.add(a.id());
                }
            });
        }
        assertThat(copied).as("records sharing a 12-word run with ../shared").isEmpty();
    }

    @Test
    void noTwoRecordsShareATwelveWordRun() {
        Map<Long, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Article a : ourCorpus()) {
            runs(a.title() + " . " + a.body(), h -> {
                String before = owner.putIfAbsent(h, a.id());
                if (before != null && !before.equals(a.id()) && clashes.size() < 20) {
                    clashes.add(before + " ~ " + a.id());
                }
            });
        }
        assertThat(owner).hasSizeGreaterThan(100_000);
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyLabelHasAtLeastThreeHundredTrainingArticles() {
        Map<String, Integer> perLabel = new HashMap<>();
        Readers.withDefaults()
                .readCorpus(Path.of("training", "corpus"))
                .forEach(a -> perLabel.merge(a.label(), 1, Integer::sum));
        assertThat(perLabel).containsOnlyKeys("News", "Crime", "Opinion");
        assertThat(perLabel.values()).allMatch(n -> n >= 300);
    }

    static List<Article> ourCorpus() {
        List<Article> all = new ArrayList<>(Readers.withDefaults().readCorpus(Path.of("training", "corpus")));
        all.addAll(Readers.withDefaults().readCorpus(Path.of("training", "heldout")));
        return all;
    }

    /** Hashes of every run of {@link #RUN} words, words as the check script and the issue count them. */
    static void runs(String text, java.util.function.LongConsumer sink) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        for (int i = 0; i + RUN <= words.size(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + RUN; j++) {
                String w = words.get(j);
                for (int c = 0; c < w.length(); c++) {
                    h = (h ^ w.charAt(c)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            sink.accept(h == 0 ? 1 : h);
        }
    }

    /** A set of longs, open addressing: millions of run hashes without boxing. */
    static final class LongSet {
        private long[] slots;
        private int size;

        LongSet(int capacity) {
            slots = new long[capacity];
        }

        int size() {
            return size;
        }

        void add(long h) {
            if (size * 2 > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        add(o);
                    }
                }
            }
            int i = slot(h);
            while (slots[i] != 0 && slots[i] != h) {
                i = (i + 1) & (slots.length - 1);
            }
            if (slots[i] == 0) {
                slots[i] = h;
                size++;
            }
        }

        boolean contains(long h) {
            int i = slot(h);
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return true;
                }
                i = (i + 1) & (slots.length - 1);
            }
            return false;
        }

        private int slot(long h) {
            return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & (slots.length - 1);
        }
    }
}
