package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps a site's categories to Newsdesk labels, so an export becomes a labelled corpus. Written as rules separated by
 * {@code ;} or newlines, each {@code Category, Category -> Label}:
 *
 * <pre>Opinions, Columns, Editorial, Letters -> Opinion; Crime, Metro Crime -> Crime; * -> News</pre>
 *
 * <p>Categories match case-insensitively, with spaces collapsed. {@code *} matches any article, including one without
 * categories; the label {@code drop} leaves matching articles out. <b>Precedence:</b> rules are tried in the order
 * written and the first rule that matches <em>any</em> of an article's categories decides, so an article filed under
 * both Columns and Crime gets the label of whichever rule comes first. An article no rule matches is left out.
 */
public final class CategoryMapping {

    /** The label that leaves an article out. */
    public static final String DROP = "drop";

    /**
     * For Nigerian-style news sites: opinion sections first (an opinion piece about a crime is opinion), then crime
     * sections, then everything else is news.
     */
    public static final CategoryMapping NIGERIAN_DEFAULT = parse(
            "Opinion, Opinions, Columns, Column, Columnists, Editorial, Editorials, Letters, Op-Ed, OpEd -> Opinion;"
                    + " Crime, Metro Crime, Crime News -> Crime;"
                    + " * -> News");

    /**
     * One rule.
     *
     * @param categories the categories it matches, normalised (lower case, single spaces); empty when {@code any}
     * @param any whether it is the {@code *} rule
     * @param label the label it gives, or null for {@code drop}
     */
    public record Rule(Set<String> categories, boolean any, String label) {
        public Rule {
            categories = Set.copyOf(categories);
        }

        boolean matches(List<String> articleCategories) {
            return any
                    || articleCategories.stream().map(CategoryMapping::normal).anyMatch(categories::contains);
        }
    }

    private final List<Rule> rules;

    private CategoryMapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Parses a mapping.
     *
     * @throws IllegalArgumentException naming the rule that is wrong and how to write it
     */
    public static CategoryMapping parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "the category mapping is empty; write rules like 'Crime, Metro Crime -> Crime; * -> News'");
        }
        List<Rule> rules = new ArrayList<>();
        for (String raw : spec.split("[;\\n]")) {
            String rule = raw.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            int arrow = rule.indexOf("->");
            if (arrow < 0 || rule.indexOf("->", arrow + 2) >= 0) {
                throw bad(rule, "needs exactly one '->' between categories and a label");
            }
            String label = rule.substring(arrow + 2).strip();
            if (label.isEmpty() || label.contains(",") || label.contains("*")) {
                throw bad(rule, "needs one label after '->', such as News, or drop");
            }
            Set<String> names = new LinkedHashSet<>();
            boolean any = false;
            for (String c : rule.substring(0, arrow).split(",")) {
                String n = normal(c);
                if (n.equals("*")) {
                    any = true;
                } else if (!n.isEmpty()) {
                    names.add(n);
                }
            }
            if (names.isEmpty() && !any) {
                throw bad(rule, "names no category before '->'; use '*' for every other article");
            }
            rules.add(new Rule(any ? Set.of() : names, any, label.equalsIgnoreCase(DROP) ? null : label));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("the category mapping holds no rules");
        }
        return new CategoryMapping(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The label for an article filed under these categories; empty when it is dropped or no rule matches. */
    public Optional<String> labelFor(List<String> categories) {
        for (Rule r : rules) {
            if (r.matches(categories)) {
                return Optional.ofNullable(r.label());
            }
        }
        return Optional.empty();
    }

    /** The article with its label set from its {@link Article#categories()}, or empty when it is left out. */
    public Optional<Article> apply(Article article) {
        return labelFor(article.categories()).map(article::withLabel);
    }

    /** The mapping written back as a spec, rules in order. */
    @Override
    public String toString() {
        return rules.stream()
                .map(r -> (r.any() ? "*" : String.join(", ", r.categories())) + " -> "
                        + (r.label() == null ? DROP : r.label()))
                .collect(Collectors.joining("; "));
    }

    static String normal(String category) {
        return category.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException bad(String rule, String problem) {
        return new IllegalArgumentException("category mapping rule '" + rule + "' " + problem
                + " (write rules like 'Crime, Metro Crime -> Crime; * -> News')");
    }
}
