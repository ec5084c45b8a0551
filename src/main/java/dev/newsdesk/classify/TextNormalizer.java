package dev.newsdesk.classify;

import java.text.Normalizer;

/**
 * Unicode NFKC where it can matter (ligatures, full-width and other compatibility forms, combining marks), skipped
 * for ordinary Latin text, which it would leave unchanged. Typographic quotes, dashes and non-breaking spaces need
 * no folding: the tokeniser already splits on them the way it splits on their ASCII forms.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return needsNfkc(s) ? Normalizer.normalize(s, Normalizer.Form.NFKC) : s;
    }

    /**
     * Whether NFKC could change the text: combining marks, compatibility characters (ligatures, full-width forms,
     * superscripts, circled and letter-like symbols) and surrogates. General punctuation (quotes, dashes) is left
     * out on purpose: NFKC leaves it alone except for the ellipsis and a few spaces, which tokenise the same.
     */
    static boolean needsNfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (needsNfkc(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether NFKC could change text holding this character (the test above, for one character). */
    static boolean needsNfkc(char c) {
        return c >= 0xA8
                && (c <= 0xBF
                        || (c >= 0x0300 && c <= 0x036F)
                        || (c >= 0x2100 && c <= 0x24FF)
                        || (c >= 0x2E80 && c <= 0x33FF)
                        || (c >= 0xD800 && c <= 0xDFFF)
                        || c >= 0xF900);
    }
}
