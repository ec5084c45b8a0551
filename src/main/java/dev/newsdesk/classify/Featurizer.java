package dev.newsdesk.classify;

import opennlp.tools.stemmer.PorterStemmer;

/**
 * Text to features: normalised, tokenised ({@link Tokenizer}), lower-cased and Porter-stemmed word unigrams and
 * phrase bigrams, title words in their own namespace, words inside quotation marks in theirs (a source's "I" and
 * "we" are not the writer's), and genre cues counted outside quotations, hashed into {@code 2^hashBits} dimensions.
 * Weighting is sublinear TF times IDF, L2-normalised, so document length does not move the vector. Deterministic:
 * the same text always gives the same vector. Thread-safe: each thread works in its own reusable workspace.
 */
public final class Featurizer {

    /** The IDF of each feature; 0 drops the feature. */
    @FunctionalInterface
    public interface Idf {
        float of(int feature);
    }

    /**
     * Term counts of one document before weighting: text features and cue features apart; {@code names} is null
     * unless asked for ({@link #countNamed}).
     */
    public record TermCounts(int[] index, float[] count, int[] cueIndex, Names names) {}

    /**
     * Where each text feature of one document was first seen, so that a feature can be named when it is shown as
     * evidence. Recording a span is cheap (three stores for each new feature); building a name is what costs, so
     * only the features actually shown get one.
     */
    public static final class Names {
        static final byte PLAIN = 0;
        static final byte TITLE = 1;
        static final byte QUOTED = 2;
        private static final byte MASKED = 4;

        private final int[] index;
        private final int[] from;
        private final int[] to;
        private final byte[] kind;
        private final String title;
        private final String body;
        private final int cueBase;

        Names(int[] index, int[] from, int[] to, byte[] kind, String title, String body, int cueBase) {
            this.index = index;
            this.from = from;
            this.to = to;
            this.kind = kind;
            this.title = title;
            this.body = body;
            this.cueBase = cueBase;
        }

        /** Whether {@code s} has a character {@link #SPACES} matches. */
        private static boolean hasSpace(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                    return true;
                }
            }
            return false;
        }

        /**
         * A readable name for a feature of this document: the words as first written, lower-cased, with {@code
         * title:} or {@code quoted:} before words from the title or inside quotation marks, {@code <name>} for a
         * masked name, {@code cue:<cue>=<bin>} for a genre cue; null for a feature the document does not have.
         */
        public String of(int feature) {
            if (feature >= cueBase) {
                int cue = (feature - cueBase) / CUE_BINS;
                return cue < Cue.values().length
                        ? "cue:" + Cue.values()[cue].name().toLowerCase(java.util.Locale.ROOT) + "="
                                + (feature - cueBase) % CUE_BINS
                        : null;
            }
            for (int i = 0; i < index.length; i++) {
                if (index[i] == feature) {
                    String prefix = (kind[i] & TITLE) != 0 ? "title:" : (kind[i] & QUOTED) != 0 ? "quoted:" : "";
                    if ((kind[i] & MASKED) != 0) {
                        return prefix + "<name>";
                    }
                    String source = (kind[i] & TITLE) != 0 ? title : body;
                    String words = source.substring(from[i], to[i]).toLowerCase(java.util.Locale.ROOT);
                    // a single word (every feature but word pairs) has no white space to fold
                    return prefix + (hasSpace(words) ? SPACES.matcher(words).replaceAll(" ") : words);
                }
            }
            return null;
        }
    }

    private static final long FNV_OFFSET = Tokenizer.FNV_OFFSET;
    private static final long FNV_PRIME = Tokenizer.FNV_PRIME;
    static final long NS_WORD = 0x5157a1b2c3d4e5f6L;
    private static final long NS_BIGRAM = 0x2b7e151628aed2a6L;
    static final long NS_TITLE = 0x3c6ef372fe94f82bL;
    static final long NS_QUOTE = 0x1f83d9abfb41bd6bL;
    static final int MAX_WORD = 40;
    static final int CUE_BINS = 5;
    static final int CUE_SLOTS = 64;
    static final int MIN_WORDS_FOR_CUES = 60;
    /** No cue word is longer ("yourselves"): longer words skip the cue lookup. */
    static final int LONGEST_CUE_WORD = 10;
    /** A workspace keeps a text buffer up to this size; a longer text gets a buffer of its own. */
    private static final int KEPT_BUFFER = 1 << 16;
    /** Compiled once: evidence names are built per feature, on the request path. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Genre cues; the words are matched lower-cased before stemming. */
    enum Cue {
        FIRST_PERSON_SINGULAR("i", "me", "my", "mine", "myself"),
        FIRST_PERSON_PLURAL("we", "us", "our", "ours", "ourselves"),
        SECOND_PERSON("you", "your", "yours", "yourself", "yourselves"),
        ATTRIBUTION("said", "says", "told", "according", "stated", "added", "disclosed", "confirmed", "noted"),
        MODALITY("should", "must", "ought", "cannot", "needs", "deserve", "deserves"),
        QUESTION(),
        EXCLAMATION(),
        QUOTATION(),
        NUMBER();

        final String[] words;

        Cue(String... words) {
            this.words = words;
        }
    }

    /** Cue words by lower-case hash, open addressing; {@code CUE_OF[slot]} is the cue's ordinal. */
    private static final long[] CUE_KEYS = new long[128];

    private static final byte[] CUE_OF = new byte[128];
    private static final long[] NUMBER_STEMS = new long[8];
    private static final long NAME_STEM = hash("<name>");
    /** {@code 1 + ln(tf)} for small term frequencies, which are nearly all of them. */
    private static final float[] SUBLINEAR = new float[256];

    static {
        for (Cue cue : Cue.values()) {
            for (String w : cue.words) {
                long h = hash(w);
                int i = PrimitiveMaps.mix(h) & (CUE_KEYS.length - 1);
                while (CUE_KEYS[i] != 0) {
                    i = (i + 1) & (CUE_KEYS.length - 1);
                }
                CUE_KEYS[i] = h;
                CUE_OF[i] = (byte) cue.ordinal();
            }
        }
        for (int tf = 1; tf < SUBLINEAR.length; tf++) {
            SUBLINEAR[tf] = (float) (1 + Math.log(tf));
        }
        for (int i = 0; i < NUMBER_STEMS.length; i++) {
            NUMBER_STEMS[i] = hash("<num" + i + ">");
        }
    }

    private final FeaturizerSettings settings;
    private final int shift;
    private final int cueBase;
    private final ThreadLocal<Workspace> workspace;

    public Featurizer(FeaturizerSettings settings) {
        this.settings = settings;
        this.shift = 64 - settings.hashBits();
        this.cueBase = settings.dimensions() - CUE_SLOTS;
        this.workspace = ThreadLocal.withInitial(Workspace::new);
    }

    public FeaturizerSettings settings() {
        return settings;
    }

    /** Counts the terms of one document. */
    public TermCounts count(String title, String body) {
        Workspace ws = workspace.get();
        ws.reset(false);
        collect(ws, title, body);
        return ws.toCounts(settings);
    }

    /** Counts the terms and remembers where each was first seen, so that any of them can be named (for evidence). */
    public TermCounts countNamed(String title, String body) {
        Workspace ws = workspace.get();
        ws.reset(true);
        collect(ws, title, body);
        TermCounts counts = ws.toCounts(settings);
        ws.titleText = null;
        ws.bodyText = null;
        return counts;
    }

    /** Weights counts: sublinear TF times IDF, text part L2-normalised; cues carry {@code cueWeight} each. */
    public SparseVector weigh(TermCounts counts, Idf idf) {
        int n = 0;
        int[] idx = new int[counts.index().length + counts.cueIndex().length];
        float[] val = new float[idx.length];
        double norm = 0;
        for (int i = 0; i < counts.index().length; i++) {
            int f = counts.index()[i];
            float w = idf.of(f);
            if (w == 0f) {
                continue;
            }
            float v = settings.binary() ? 1f : sublinear(counts.count()[i]) * w;
            idx[n] = f;
            val[n++] = v;
            norm += (double) v * v;
        }
        if (norm > 0 && !settings.binary()) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < n; i++) {
                val[i] *= inv;
            }
        }
        for (int c : counts.cueIndex()) {
            idx[n] = c;
            val[n++] = settings.binary() ? 1f : settings.cueWeight();
        }
        return new SparseVector(
                n == idx.length ? idx : java.util.Arrays.copyOf(idx, n),
                n == val.length ? val : java.util.Arrays.copyOf(val, n));
    }

    private void collect(Workspace ws, String title, String body) {
        if (settings.titleTerms() && title != null && !title.isEmpty()) {
            String t = TextNormalizer.normalize(title);
            ws.namespace = NS_TITLE;
            ws.title = true;
            ws.sentenceStart = true;
            ws.lastEnd = 0;
            ws.titleText = ws.naming ? t : null;
            ws.scan(t);
        }
        String b = TextNormalizer.normalize(body == null || body.isBlank() ? title : body);
        ws.namespace = NS_WORD;
        ws.title = false;
        ws.prev = 0;
        ws.sentenceStart = true;
        ws.lastEnd = 0;
        ws.bodyText = ws.naming ? b : null;
        ws.scan(b);
    }

    static float sublinear(float tf) {
        int t = (int) tf;
        return t < SUBLINEAR.length ? SUBLINEAR[t] : (float) (1 + Math.log(tf));
    }

    /** The cue a lower-cased word hash stands for, or -1. */
    static int cueOf(long h) {
        int i = PrimitiveMaps.mix(h) & (CUE_KEYS.length - 1);
        while (true) {
            long k = CUE_KEYS[i];
            if (k == h) {
                return CUE_OF[i];
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & (CUE_KEYS.length - 1);
        }
    }

    /**
     * The cue slot (above {@code cueBase}) of cue {@code cue} counted {@code count} times in {@code words} words: one
     * bin for none, then four of rates per 100 words.
     */
    static int cueSlot(int cue, int count, int words) {
        double per100 = count * 100.0 / words;
        int bin = per100 == 0 ? 0 : per100 < 0.25 ? 1 : per100 < 0.75 ? 2 : per100 < 2 ? 3 : 4;
        return cue * CUE_BINS + bin;
    }

    /** The stem that stands for a number of {@code digits} digits (seven and more share one). */
    static long numberStem(int digits) {
        return NUMBER_STEMS[Math.min(digits, NUMBER_STEMS.length - 1)];
    }

    static long hash(CharSequence s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** Text features hash below the last {@link #CUE_SLOTS} dimensions, which are the cues' own. */
    private int index(long h) {
        return index(h, shift, cueBase);
    }

    /** {@link #index(long)} for a feature space of {@code 2^(64 - shift)} dimensions whose cues start at {@code cueBase}. */
    static int index(long h, int shift, int cueBase) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        int i = (int) (h >>> shift);
        return i >= cueBase ? i - CUE_SLOTS : i;
    }

    /** Per-thread state: the stem cache, the document's counts, cue tallies. */
    private final class Workspace {
        final PrimitiveMaps.LongLongCache stems = new PrimitiveMaps.LongLongCache(1 << 17);
        final PrimitiveMaps.IntFloatCounter counts = new PrimitiveMaps.IntFloatCounter(1 << 12);
        final PorterStemmer stemmer = new PorterStemmer();
        final int[] cues = new int[Cue.values().length];
        final StringBuilder word = new StringBuilder(MAX_WORD);
        final Tokenizer.HashingSink sink = this::token;
        boolean naming;
        String titleText;
        String bodyText;
        /** Per counted feature, in the counter's order: where it was first seen and how (see {@link Names}). */
        int[] firstFrom = new int[256];

        int[] firstTo = new int[256];
        byte[] firstKind = new byte[256];
        boolean sentenceStart;
        int lastEnd;
        char[] buffer = new char[1024];
        char[] text;

        /** Tokenises {@code s} from a char array: {@code String.charAt} on the UTF-16 strings that curly quotes make
         * cost a quarter of the scan. */
        void scan(String s) {
            int n = s.length();
            if (n > buffer.length) {
                char[] bigger = new char[Math.max(n, buffer.length * 2)];
                if (bigger.length <= KEPT_BUFFER) {
                    buffer = bigger;
                }
                text = bigger;
            } else {
                text = buffer;
            }
            s.getChars(0, n, text, 0);
            Tokenizer.tokenize(text, n, sink);
            text = buffer; // a one-off buffer for a long text is not kept
        }

        long namespace;
        boolean title;
        long prev;
        int prevStart;
        int words;
        boolean quoted;

        private char charAt(int i) {
            return text[i];
        }

        void reset(boolean naming) {
            counts.clear();
            java.util.Arrays.fill(cues, 0);
            this.naming = naming;
            prev = 0;
            words = 0;
            quoted = false;
        }

        void token(int start, int end, int kind, long lowerHash) {
            for (int i = lastEnd; i < start; i++) {
                if (charAt(i) == '\n') {
                    sentenceStart = true;
                    quoted = false;
                    break;
                }
            }
            lastEnd = end;
            if (kind == Tokenizer.OTHER) {
                prev = 0;
                char p = charAt(start);
                if (p == '.' || p == '!' || p == '?' || p == ':') {
                    sentenceStart = true;
                }
                if (!title) {
                    char c = charAt(start);
                    int run = end - start;
                    if (c == '\u201C' || c == '\u201E') {
                        quoted = true;
                    } else if (c == '\u201D') {
                        quoted = false;
                    } else if (c == '"' && (run & 1) == 1) {
                        quoted = !quoted;
                    }
                    if (c == '?') {
                        cues[Cue.QUESTION.ordinal()] += 1;
                    } else if (c == '!') {
                        cues[Cue.EXCLAMATION.ordinal()] += 1;
                    } else if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E') {
                        cues[Cue.QUOTATION.ordinal()] += run;
                    }
                }
                return;
            }
            int len = end - start;
            if (len > MAX_WORD) {
                prev = 0;
                return;
            }
            long stem;
            boolean masked = false;
            if (kind == Tokenizer.NUMERIC) {
                stem = numberStem(len);
                if (!title) {
                    cues[Cue.NUMBER.ordinal()]++;
                }
            } else if (settings.maskNames() && !title && !sentenceStart && isCapital(start, end)) {
                stem = NAME_STEM;
                masked = true;
            } else {
                long h = lowerHash;
                if (h == 0) {
                    h = 1;
                }
                if (!title && len <= LONGEST_CUE_WORD && !(quoted && settings.quotes())) {
                    int cue = cueOf(h);
                    if (cue >= 0) {
                        cues[cue]++;
                    }
                }
                stem = settings.stem() ? stems.get(h) : h;
                if (stem == 0) {
                    word.setLength(0);
                    for (int i = start; i < end; i++) {
                        word.append(Character.toLowerCase(charAt(i)));
                    }
                    stem = hash(stemmer.stem(word.toString()));
                    if (stem == 0) {
                        stem = 1;
                    }
                    stems.put(h, stem);
                }
            }
            sentenceStart = false;
            if (!title) {
                words++;
            }
            boolean inQuote = quoted && !title && settings.quotes();
            int f = index(stem ^ (inQuote ? NS_QUOTE : namespace));
            if (counts.add(f, 1f) && naming) {
                byte how = title ? Names.TITLE : inQuote ? Names.QUOTED : Names.PLAIN;
                remember(start, end, masked ? (byte) (how | Names.MASKED) : how);
            }
            if (settings.bigrams() && !title && prev != 0) {
                int g = index(prev * 0x9E3779B97F4A7C15L + stem ^ NS_BIGRAM);
                if (counts.add(g, 1f) && naming) {
                    remember(prevStart, end, Names.PLAIN);
                }
            }
            prev = stem;
            prevStart = start;
        }

        /** An upper-case initial, other than the pronoun I. */
        private boolean isCapital(int start, int end) {
            char c = charAt(start);
            return (c >= 'A' && c <= 'Z' || (c >= 128 && Character.isUpperCase(c))) && !(end - start == 1 && c == 'I');
        }

        /** Records the span of the feature just added to the counter (its last entry). */
        private void remember(int from, int to, byte kind) {
            int n = counts.size() - 1;
            if (n >= firstFrom.length) {
                int grown = Math.max(n + 1, firstFrom.length * 2);
                firstFrom = java.util.Arrays.copyOf(firstFrom, grown);
                firstTo = java.util.Arrays.copyOf(firstTo, grown);
                firstKind = java.util.Arrays.copyOf(firstKind, grown);
            }
            firstFrom[n] = from;
            firstTo[n] = to;
            firstKind[n] = kind;
        }

        TermCounts toCounts(FeaturizerSettings s) {
            int n = counts.size();
            int[] idx = new int[n];
            float[] cnt = new float[n];
            for (int i = 0; i < n; i++) {
                idx[i] = counts.keyAt(i);
                cnt[i] = counts.valueAt(i);
            }
            int[] cueIdx = new int[0];
            // a rate over a headline or a one-line lead says nothing about genre, so short texts get no cues
            if (s.cues() && words >= MIN_WORDS_FOR_CUES) {
                cueIdx = new int[Cue.values().length];
                for (Cue cue : Cue.values()) {
                    cueIdx[cue.ordinal()] = cueBase + cueSlot(cue.ordinal(), cues[cue.ordinal()], words);
                }
            }
            Names named = naming
                    ? new Names(
                            idx,
                            java.util.Arrays.copyOf(firstFrom, n),
                            java.util.Arrays.copyOf(firstTo, n),
                            java.util.Arrays.copyOf(firstKind, n),
                            titleText,
                            bodyText,
                            cueBase)
                    : null;
            return new TermCounts(idx, cnt, cueIdx, named);
        }
    }
}
