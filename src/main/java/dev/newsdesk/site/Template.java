package dev.newsdesk.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page under {@code site/} on the class path with placeholders: {@code {{name}}} is replaced by the value escaped,
 * {@code {{{name}}}} by the value as it is (markup the caller built and escaped). A placeholder without a value fails,
 * so a typo cannot ship an empty page part.
 */
final class Template {

    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\{?)([a-zA-Z][a-zA-Z0-9]*)}?}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream("/site/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no page template site/" + name + " on the class path");
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, String> values) {
        Matcher m = SLOT.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() * 2);
        while (m.find()) {
            String value = values.get(m.group(2));
            if (value == null) {
                throw new IllegalArgumentException("template " + name + " needs a value for " + m.group(2));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).isEmpty() ? Html.esc(value) : value));
        }
        return m.appendTail(sb).toString();
    }
}
