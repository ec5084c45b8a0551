package dev.newsdesk.classify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.text.Normalizer;
import java.util.Arrays;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * A loaded model compiled for scoring raw text: the same scores as {@link Featurizer#count}, {@link
 * Featurizer#weigh} and {@link LinearModel#scores}, bit for bit ({@code CompiledScorerTest}), in about half the
 * time. Where the time went in that path: a branch on every character and a chain of dependent lookups on every
 * token (lower-case hash, stem cache, feature index, count map), each token waiting on the branches the one before
 * mispredicted. Here:
 *
 * <ul>
 *   <li>the text is read 64 characters at a time into bit masks ({@link CharBlocks}, with the Vector API when the
 *       JVM has it), and token boundaries, quotation state and the punctuation cues are worked out on the masks;
 *   <li>each word's key is its lower-case letters packed into a {@code long} (read eight at a time from a one-byte
 *       copy), looked up in a per-thread cache that holds, for that word, the model's own feature numbers (body,
 *       quoted, title) and its genre cue, so a word costs one lookup;
 *   <li>the model's features with a non-zero IDF are renumbered densely (a few tens of thousands, against {@code
 *       2^hashBits}), so counts and weights are small arrays indexed directly.
 * </ul>
 *
 * Only for settings without word pairs, name masking or binary weights ({@link #supports}); the {@link Featurizer}
 * path serves those and training. For evidence it also gives the weighted vector and the features' names ({@link
 * #explain}). Thread-safe: each thread has its own workspace.
 */
final class CompiledScorer {

    private static final long FNV_OFFSET = Tokenizer.FNV_OFFSET;
    private static final long FNV_PRIME = Tokenizer.FNV_PRIME;
    private static final int CUES = Featurizer.Cue.values().length;
    /** The cue tally a word without a cue adds to (never read). */
    private static final int NO_CUE = CUES;

    private static final int QUESTION = Featurizer.Cue.QUESTION.ordinal();
    private static final int EXCLAMATION = Featurizer.Cue.EXCLAMATION.ordinal();
    private static final int QUOTATION = Featurizer.Cue.QUOTATION.ordinal();
    private static final int NUMBER = Featurizer.Cue.NUMBER.ordinal();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Spaces before the text in the buffer, so that the first block can compare with the character before. */
    private static final int LEAD = 64;
    /** Spaces after it, so that the last block reads whole words and the last token ends. */
    private static final int TAIL = 128;
    /** Longer texts (no article is near it) take the {@link Featurizer} path, so a thread's buffers stay bounded. */
    static final int MAX_LENGTH = 1 << 18;
    /** A workspace keeps a text buffer up to this size; a longer text gets one of its own. */
    private static final int KEPT_TEXT = 1 << 16;

    /** Word cache slots per thread (two longs each, plus an int): 2.5 MB, room for 64k words before it clears. */
    private static final int CACHE_SLOTS = 1 << 17;

    private final FeaturizerSettings settings;
    private final CharBlocks blocks;
    private final int k;
    private final int shift;
    private final int cueBase;
    /** The raw feature numbers with a non-zero IDF, ascending; feature {@code active[i]} is compact id {@code i + 1}. */
    private final int[] active;
    /** Per compact id: IDF then one weight per label. Id 0 stands for every feature with IDF 0, and weighs nothing. */
    private final float[] rows;
    /** The cue features' weights, {@code [slot * k + label]}. */
    private final float[] cueWeights;

    private final float[] bias;
    private final int[] numberBody = new int[8];
    private final int[] numberQuoted = new int[8];
    private final int[] numberTitle = new int[8];
    private final ThreadLocal<Workspace> workspace;

    CompiledScorer(LinearModel model, CharBlocks blocks) {
        if (!supports(model.featurizer())) {
            throw new IllegalArgumentException("settings not compiled: " + model.featurizer());
        }
        this.settings = model.featurizer();
        this.blocks = blocks;
        this.k = model.k();
        this.shift = 64 - settings.hashBits();
        this.cueBase = settings.dimensions() - Featurizer.CUE_SLOTS;
        int k1 = k + 1;
        float[] table = model.table();
        int d = settings.dimensions();
        int n = 0;
        for (int f = 0; f < d; f++) {
            if (table[f * k1] != 0f) {
                n++;
            }
        }
        active = new int[n];
        rows = new float[(n + 1) * k1];
        n = 0;
        for (int f = 0; f < d; f++) {
            if (table[f * k1] != 0f) {
                active[n++] = f;
                System.arraycopy(table, f * k1, rows, n * k1, k1);
            }
        }
        cueWeights = new float[Featurizer.CUE_SLOTS * k];
        for (int slot = 0; slot < Featurizer.CUE_SLOTS; slot++) {
            for (int c = 0; c < k; c++) {
                cueWeights[slot * k + c] = table[(cueBase + slot) * k1 + 1 + c];
            }
        }
        bias = model.bias().clone();
        for (int len = 0; len < numberBody.length; len++) {
            long stem = Featurizer.numberStem(len);
            numberBody[len] = compact(stem ^ Featurizer.NS_WORD);
            numberQuoted[len] = compact(stem ^ quotedNamespace());
            numberTitle[len] = compact(stem ^ Featurizer.NS_TITLE);
        }
        workspace = ThreadLocal.withInitial(Workspace::new);
    }

    /** Whether these settings can be compiled: no word pairs, no name masking, no binary weights. */
    static boolean supports(FeaturizerSettings s) {
        return !s.bigrams() && !s.maskNames() && !s.binary();
    }

    /** Which {@link CharBlocks} reads the text. */
    String reader() {
        return blocks.name();
    }

    /**
     * Raw label scores for a title and body, equal to the {@link Featurizer} path's; null for a title or body over
     * {@link #MAX_LENGTH} characters, which that path then serves.
     */
    double[] scores(String title, String body) {
        if (tooLong(title) || tooLong(body)) {
            return null;
        }
        return workspace.get().scores(title, body, false);
    }

    /** Scores with what evidence needs: the weighted vector and the features' names. */
    record Explained(double[] scores, SparseVector x, Featurizer.Names names) {}

    /**
     * The scores, the weighted vector and the names of its features, each equal to what {@link
     * Featurizer#countNamed} and {@link Featurizer#weigh} give; null where {@link #scores} is.
     */
    Explained explain(String title, String body) {
        if (tooLong(title) || tooLong(body)) {
            return null;
        }
        Workspace w = workspace.get();
        double[] s = w.scores(title, body, true);
        return new Explained(s, w.namedVector, w.names);
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() >= MAX_LENGTH;
    }

    private long quotedNamespace() {
        return settings.quotes() ? Featurizer.NS_QUOTE : Featurizer.NS_WORD;
    }

    /** The compact id of the feature a namespaced stem hashes to; 0 when its IDF is 0. */
    private int compact(long namespacedStem) {
        int i = Arrays.binarySearch(active, Featurizer.index(namespacedStem, shift, cueBase));
        return i >= 0 ? i + 1 : 0;
    }

    private final class Workspace {
        private final long[] slots = new long[2 * CACHE_SLOTS];
        private final int[] titleIds = new int[CACHE_SLOTS];
        private int cached;
        private final PorterStemmer stemmer = new PorterStemmer();
        private final StringBuilder word = new StringBuilder(Featurizer.MAX_WORD);
        private final long[] masks = new long[CharBlocks.MASKS];
        private char[] buffer = new char[LEAD + 8192 + TAIL];
        /** The one-byte lower-case copy, as long as {@link #buffer}. */
        private byte[] lower = new byte[buffer.length];

        private char[] text;
        private byte[] low;
        private int[] starts = new int[2048];
        private int[] ends = new int[2048];
        /** Per block of 64 characters: which are digits, and which are inside quotation marks. */
        private long[] digitBits = new long[130];

        private long[] quotedMasks = new long[130];
        private final int[] counts = new int[rows.length / (k + 1)];
        private int[] touched = new int[2048];
        private float[] values = new float[2048];
        private int distinct;
        private final int[] cues = new int[CUES + 1];
        private int words;
        private boolean quoted;
        /** Naming (for evidence): where each entry was first seen, and the texts the positions are in. */
        private boolean naming;

        private int[] firstFrom = new int[2048];
        private int[] firstTo = new int[2048];
        private byte[] firstKind = new byte[2048];
        private int[] code = new int[2048];

        private String scanned;
        private String titleText;
        private SparseVector namedVector;
        private Featurizer.Names names;

        Workspace() {
            Arrays.fill(buffer, ' ');
        }

        double[] scores(String title, String body, boolean naming) {
            distinct = 0;
            words = 0;
            quoted = false;
            this.naming = naming;
            titleText = null;
            Arrays.fill(cues, 0);
            double[] s;
            try {
                if (settings.titleTerms() && title != null && !title.isEmpty()) {
                    titleTokens(scan(title, true, false));
                    titleText = scanned;
                }
                bodyTokens(scan(body == null || body.isBlank() ? (title == null ? "" : title) : body, false, false));
                s = finish();
            } catch (RuntimeException | Error e) {
                // the counts are cleared as they are read out; a failure before that must not leave them to the
                // next text of this thread
                Arrays.fill(counts, 0);
                distinct = 0;
                throw e;
            }
            if (naming) {
                named(scanned);
            }
            scanned = null;
            titleText = null;
            return s;
        }

        /** The weighted vector and its names, from the entries as first seen (the featuriser's counter order). */
        private void named(String bodyText) {
            int n = 0;
            for (int i = 0; i < distinct; i++) {
                n += touched[i] == 0 ? 0 : 1;
            }
            boolean withCues = settings.cues() && words >= Featurizer.MIN_WORDS_FOR_CUES;
            int[] index = new int[n + (withCues ? CUES : 0)];
            float[] value = new float[index.length];
            int[] from = new int[n];
            int[] to = new int[n];
            byte[] kind = new byte[n];
            int j = 0;
            for (int i = 0; i < distinct; i++) {
                if (touched[i] != 0) {
                    index[j] = active[touched[i] - 1];
                    value[j] = values[i];
                    from[j] = firstFrom[i];
                    to[j] = firstTo[i];
                    kind[j] = firstKind[i];
                    j++;
                }
            }
            for (int cue = 0; withCues && cue < CUES; cue++) {
                index[j] = cueBase + Featurizer.cueSlot(cue, cues[cue], words);
                value[j++] = settings.cueWeight();
            }
            namedVector = new SparseVector(index, value);
            names = new Featurizer.Names(Arrays.copyOf(index, n), from, to, kind, titleText, bodyText, cueBase);
        }

        /**
         * Reads {@code s} into the buffer and its word tokens (letters or digits) into {@code starts}/{@code ends},
         * which characters are digits and which quoted into the block masks; tallies the punctuation cues of a body. A text
         * that NFKC could change is normalised and read again, as {@link TextNormalizer} does.
         */
        private int scan(String s, boolean title, boolean normalized) {
            int n = s.length();
            prepare(s, n);
            boolean q = quoted;
            int found = 0;
            int ended = 0;
            int questions = 0;
            int exclamations = 0;
            int quoteMarks = 0;
            long prevLetters = 0;
            long prevDigits = 0;
            long prevOthers = 0;
            long[] m = masks;
            for (int base = 0; base <= n; base += 64) {
                blocks.read(text, LEAD + base, low, base, m);
                if (m[CharBlocks.NEEDS_NFKC] != 0 && !normalized) {
                    return scan(Normalizer.normalize(s, Normalizer.Form.NFKC), title, true);
                }
                long letters = m[CharBlocks.LETTERS];
                long digits = m[CharBlocks.DIGITS];
                long others = m[CharBlocks.OTHERS];
                long lettersBefore = (letters << 1) | prevLetters;
                long digitsBefore = (digits << 1) | prevDigits;
                long othersBefore = (others << 1) | prevOthers;
                prevLetters = letters >>> 63;
                prevDigits = digits >>> 63;
                prevOthers = others >>> 63;
                // a token starts or ends where the class changes, or where a run of one symbol meets another symbol
                long boundary = (letters ^ lettersBefore)
                        | (digits ^ digitsBefore)
                        | (others ^ othersBefore)
                        | (others & othersBefore & m[CharBlocks.CHANGED]);
                long otherStarts = boundary & others;
                questions += Long.bitCount(otherStarts & m[CharBlocks.QUESTION_MARKS]);
                exclamations += Long.bitCount(otherStarts & m[CharBlocks.EXCLAMATION_MARKS]);
                quoteMarks += Long.bitCount(m[CharBlocks.QUOTE_MARKS]);
                long quotedBits = 0;
                if (!title && settings.quotes()) {
                    long events = m[CharBlocks.QUOTE_MARKS] | m[CharBlocks.LINE_BREAKS];
                    if (events == 0) {
                        quotedBits = q ? -1L : 0L;
                    } else {
                        // the state before each position: opening marks set it, closing marks and line breaks clear it,
                        // straight quotes flip it (a run of them flips it once per mark, as the token rule has it)
                        int from = 0;
                        for (; events != 0; events &= events - 1) {
                            int b = Long.numberOfTrailingZeros(events);
                            if (q) {
                                quotedBits |= (-1L << from) & (-1L >>> (63 - b));
                            }
                            char c = text[LEAD + base + b];
                            q = c == '"' ? !q : c == '\u201C' || c == '\u201E';
                            from = b + 1;
                        }
                        if (q && from < 64) {
                            quotedBits |= -1L << from;
                        }
                    }
                }
                digitBits[base >>> 6] = digits;
                quotedMasks[base >>> 6] = quotedBits;
                found = flatten(boundary & (letters | digits), base, starts, found);
                ended = flatten(boundary & (lettersBefore | digitsBefore), base, ends, ended);
            }
            if (!title) {
                quoted = q;
                cues[QUESTION] += questions;
                cues[EXCLAMATION] += exclamations;
                cues[QUOTATION] += quoteMarks;
            }
            return found;
        }

        /**
         * Appends the positions of the set bits to {@code out} from {@code at}, four a round (up to three past the
         * end are scratch): a loop per bit would mispredict its exit on every block.
         */
        private static int flatten(long bits, int base, int[] out, int at) {
            int count = Long.bitCount(bits);
            for (int i = at; bits != 0; i += 4) {
                out[i] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out[i + 1] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out[i + 2] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out[i + 3] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
            return at + count;
        }

        /**
         * Copies the text behind the lead, with the tail blank; the buffers grow to {@link #KEPT_TEXT}, a longer text
         * gets buffers of its own (the token arrays stay at their largest, at most {@link #MAX_LENGTH}).
         */
        private void prepare(String s, int n) {
            scanned = s;
            if (LEAD + n + TAIL > buffer.length) {
                text = new char[LEAD + Math.max(n, Math.min(2 * (buffer.length - LEAD), KEPT_TEXT)) + TAIL];
                low = new byte[text.length];
                Arrays.fill(text, 0, LEAD, ' ');
                if (n <= KEPT_TEXT) {
                    buffer = text;
                    lower = low;
                }
            } else {
                text = buffer;
                low = lower;
            }
            s.getChars(0, n, text, LEAD);
            Arrays.fill(text, LEAD + n, LEAD + n + TAIL, ' ');
            // a token can be one character long ("a1b2" is four)
            if (starts.length < n + 64) {
                starts = new int[n + 64];
                ends = new int[starts.length];
            }
            if (digitBits.length < n / 64 + 2) {
                digitBits = new long[n / 64 + 2];
                quotedMasks = new long[digitBits.length];
            }
            if (touched.length < distinct + n + 64) {
                touched = Arrays.copyOf(touched, distinct + n + 64);
                firstFrom = Arrays.copyOf(firstFrom, touched.length);
                firstTo = Arrays.copyOf(firstTo, touched.length);
                firstKind = Arrays.copyOf(firstKind, touched.length);
            }
            if (code.length < starts.length) {
                code = new int[starts.length];
            }
        }

        private void titleTokens(int found) {
            for (int t = 0; t < found; t++) {
                int start = starts[t];
                int len = ends[t] - start;
                if (len > Featurizer.MAX_WORD) {
                    continue;
                }
                if (naming) {
                    firstFrom[distinct] = start;
                    firstTo[distinct] = start + len;
                    firstKind[distinct] = Featurizer.Names.TITLE;
                }
                add(
                        ((digitBits[start >>> 6] >>> start) & 1) != 0
                                ? numberTitle[Math.min(len, numberTitle.length - 1)]
                                : titleIds[slot(start, len)]);
            }
        }

        /**
         * Counts the body's words in two passes: first each word's feature and cue (from the word cache: the keys need
         * nothing but the text), then the counts; apart, the cache reads do not wait on the counting's stores.
         */
        private void bodyTokens(int found) {
            int[] code = this.code;
            for (int t = 0; t < found; t++) {
                int position = starts[t];
                int len = ends[t] - position;
                boolean inQuote = ((quotedMasks[position >>> 6] >>> position) & 1) != 0;
                int c;
                if (len > Featurizer.MAX_WORD) {
                    c = -1;
                } else if (((digitBits[position >>> 6] >>> position) & 1) != 0) {
                    int bucket = Math.min(len, numberBody.length - 1);
                    c = (inQuote ? numberQuoted[bucket] : numberBody[bucket]) | NUMBER << 24;
                } else {
                    long v = slots[2 * slot(position, len) + 1];
                    c = inQuote ? (int) (v >>> 32) | NO_CUE << 24 : (int) v;
                }
                code[t] = c;
            }
            int[] cueTally = cues;
            int[] c = counts;
            int[] seen = touched;
            int n = distinct;
            int w = 0;
            for (int t = 0; t < found; t++) {
                int x = code[t];
                if (x == -1) {
                    continue;
                }
                w++;
                int id = x & 0xFFFFFF;
                cueTally[x >>> 24]++;
                if (naming) {
                    int at = starts[t];
                    firstFrom[n] = at;
                    firstTo[n] = ends[t];
                    firstKind[n] = ((quotedMasks[at >>> 6] >>> at) & 1) != 0
                            ? Featurizer.Names.QUOTED
                            : Featurizer.Names.PLAIN;
                }
                int old = c[id];
                c[id] = old + 1;
                seen[n] = id;
                n += old == 0 ? 1 : 0;
            }
            distinct = n;
            words = w;
        }

        private void add(int id) {
            int old = counts[id];
            counts[id] = old + 1;
            touched[distinct] = id;
            distinct += old == 0 ? 1 : 0;
        }

        /** The cache slot of the word at {@code [start, start + len)}, filled on first sight. */
        private int slot(int start, int len) {
            return slot(key(start, len), start, len);
        }

        private int slot(long key, int start, int len) {
            int i = PrimitiveMaps.mix(key) & (CACHE_SLOTS - 1);
            while (true) {
                long held = slots[2 * i];
                if (held == key) {
                    return i;
                }
                if (held == 0) {
                    return fill(i, key, start, len);
                }
                i = (i + 1) & (CACHE_SLOTS - 1);
            }
        }

        /**
         * A word's key: up to eight lower-case ASCII letters packed as they are (distinct words, distinct keys), up
         * to sixteen mixed into 64 bits, anything longer or beyond ASCII an FNV-1a hash of its lower case with the top
         * bit set.
         */
        private long key(int start, int len) {
            long w0 = (long) LONGS.get(low, start);
            if (len <= 8) {
                long packed = w0 & (-1L >>> (64 - 8 * len));
                return (packed & 0x8080808080808080L) == 0 ? packed : hashKey(start, len);
            }
            if (len <= 16) {
                long w1 = (long) LONGS.get(low, start + 8) & (-1L >>> (128 - 8 * len));
                if (((w0 | w1) & 0x8080808080808080L) != 0) {
                    return hashKey(start, len);
                }
                long h = (w0 * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(w1 * 0xC4CEB9FE1A85EC53L, 29) ^ len;
                return h == 0 ? 1 : h;
            }
            return hashKey(start, len);
        }

        private long hashKey(int start, int len) {
            long h = FNV_OFFSET;
            for (int i = LEAD + start; i < LEAD + start + len; i++) {
                h = (h ^ Character.toLowerCase(text[i])) * FNV_PRIME;
            }
            return h | Long.MIN_VALUE;
        }

        /** Stems the word and stores its compact ids and cue, as {@link Featurizer}'s token rule would find them. */
        private int fill(int i, long key, int start, int len) {
            if (cached * 2 > CACHE_SLOTS) {
                Arrays.fill(slots, 0);
                cached = 0;
                i = PrimitiveMaps.mix(key) & (CACHE_SLOTS - 1);
            }
            word.setLength(0);
            long h = FNV_OFFSET;
            for (int j = LEAD + start; j < LEAD + start + len; j++) {
                char c = Character.toLowerCase(text[j]);
                word.append(c);
                h = (h ^ c) * FNV_PRIME;
            }
            if (h == 0) {
                h = 1;
            }
            long stem = h;
            if (settings.stem()) {
                stem = Featurizer.hash(stemmer.stem(word.toString()));
                if (stem == 0) {
                    stem = 1;
                }
            }
            int cue = len <= Featurizer.LONGEST_CUE_WORD ? Featurizer.cueOf(h) : -1;
            slots[2 * i] = key;
            // low int: the body feature and its cue; above: the feature inside quotation marks
            slots[2 * i + 1] = (compact(stem ^ Featurizer.NS_WORD) | (cue < 0 ? NO_CUE : cue) << 24) & 0xFFFFFFFFL
                    | (long) compact(stem ^ quotedNamespace()) << 32;
            titleIds[i] = compact(stem ^ Featurizer.NS_TITLE);
            cached++;
            return i;
        }

        /** Weighs the counts and takes the dot product in the order the reference path does, so the sums agree. */
        private double[] finish() {
            int k1 = k + 1;
            double[] s = new double[k];
            for (int c = 0; c < k; c++) {
                s[c] = bias[c];
            }
            if (values.length < distinct) {
                values = new float[distinct];
            }
            double norm = 0;
            for (int i = 0; i < distinct; i++) {
                int id = touched[i];
                float v = Featurizer.sublinear(counts[id]) * rows[id * k1];
                counts[id] = 0;
                values[i] = v;
                norm += (double) v * v;
            }
            float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 1f;
            for (int i = 0; i < distinct; i++) {
                int id = touched[i];
                if (id == 0) {
                    continue;
                }
                float v = norm > 0 ? values[i] * inv : values[i];
                values[i] = v;
                int base = id * k1 + 1;
                for (int c = 0; c < k; c++) {
                    s[c] += v * rows[base + c];
                }
            }
            if (settings.cues() && words >= Featurizer.MIN_WORDS_FOR_CUES) {
                float weight = settings.cueWeight();
                for (int cue = 0; cue < CUES; cue++) {
                    int slot = Featurizer.cueSlot(cue, cues[cue], words);
                    for (int c = 0; c < k; c++) {
                        s[c] += weight * cueWeights[slot * k + c];
                    }
                }
            }
            return s;
        }
    }
}
