package dev.newsdesk.ingest;

import java.nio.file.Path;

/**
 * What is known about an input before its first byte is read; {@link Readers#detect} weighs these in the order
 * format, content type, file name, then the bytes themselves.
 *
 * @param name file name or other label, used in messages and for the extension; may be null
 * @param contentType an HTTP {@code Content-Type} such as {@code text/html; charset=utf-8}; may be null
 * @param format the format the user named, which wins over everything else; may be null
 */
public record InputHint(String name, String contentType, Format format) {

    /** A file: the name gives the extension. */
    public static InputHint ofFile(Path file) {
        return new InputHint(file.toString(), null, null);
    }

    /** An upload or request body. */
    public static InputHint of(String name, String contentType) {
        return new InputHint(name, contentType, null);
    }

    /** The same hint with an explicit format (null keeps detection). */
    public InputHint withFormat(Format explicit) {
        return new InputHint(name, contentType, explicit);
    }

    /** The label for messages. */
    public String sourceName() {
        return name == null || name.isBlank() ? "input" : name;
    }
}
