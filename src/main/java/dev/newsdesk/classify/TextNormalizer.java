package dev.newsdesk.classify;

import java.text.Normalizer;

/** Unicode NFKC plus folding of typographic quotes and dashes, so "don’t" and "don't" are one word. */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = isPlainAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = null;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            char r =
                    switch (c) {
                        case '\u2018', '\u2019', '\u201B', '\u2032', '`' -> '\'';
                        case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
                        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                        case '\u00A0', '\u2007', '\u202F' -> ' ';
                        default -> Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c;
                    };
            if (r != c) {
                if (sb == null) {
                    sb = new StringBuilder(n);
                }
                sb.setCharAt(i, r);
            }
        }
        return sb == null ? n : sb.toString();
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
