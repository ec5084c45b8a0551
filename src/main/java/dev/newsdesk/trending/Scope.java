package dev.newsdesk.trending;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Which articles a list ranks: all of them, one label, or one site category. */
public record Scope(Kind kind, String value) {

    /** The kinds of scope. */
    public enum Kind {
        ALL,
        LABEL,
        CATEGORY
    }

    public static final Scope ALL = new Scope(Kind.ALL, "");

    public Scope {
        Objects.requireNonNull(kind, "kind");
        value = kind == Kind.ALL ? "" : Objects.requireNonNull(value, "value").strip();
        if (kind != Kind.ALL && value.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " scope needs a value");
        }
    }

    public static Scope label(String label) {
        return new Scope(Kind.LABEL, label);
    }

    public static Scope category(String siteCategory) {
        return new Scope(Kind.CATEGORY, siteCategory);
    }

    /**
     * Reads the text form a reader of the API or a site's theme writes: {@code all}, {@code label:<label>} (any
     * case; given as the model spells it) or {@code category:<site category>}.
     *
     * @param labels the model's labels, the only ones a label scope may name
     * @throws IllegalArgumentException saying what would do, for any other text
     */
    public static Scope parse(String text, List<String> labels) {
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : t.substring(colon + 1).strip();
        if (kind.equals("label") && !value.isEmpty()) {
            return labels.stream()
                    .filter(value::equalsIgnoreCase)
                    .findFirst()
                    .map(Scope::label)
                    .orElseThrow(() -> new IllegalArgumentException("scope '" + text
                            + "' names no label of the model; labels are " + String.join(", ", labels)));
        }
        if (kind.equals("category") && !value.isEmpty()) {
            return category(value);
        }
        throw new IllegalArgumentException(
                "scope '" + text + "' is not 'all', 'label:<label>' or 'category:<site category>'");
    }

    /** A stable text form: {@code all}, {@code label:Crime}, {@code category:sport}. */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case LABEL -> "label:" + value;
            case CATEGORY -> "category:" + value;
        };
    }
}
