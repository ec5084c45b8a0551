package dev.newsdesk.trending;

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
