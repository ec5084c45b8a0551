package dev.newsdesk.ingest;

/**
 * The documented error for input Newsdesk cannot read: says which source, where (line and column when the
 * format has them) and what is wrong, in words a user can act on. Every reader throws only this for bad input.
 */
public class InputException extends RuntimeException {

    private final String source;
    private final long line;
    private final long column;

    public InputException(String source, long line, long column, String problem) {
        this(source, line, column, problem, null);
    }

    public InputException(String source, long line, long column, String problem, Throwable cause) {
        super(describe(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** An error with no position, e.g. a file that is too large or missing. */
    public InputException(String source, String problem) {
        this(source, -1, -1, problem);
    }

    public String source() {
        return source;
    }

    /** 1-based line, or -1 when unknown. */
    public long line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public long column() {
        return column;
    }

    private static String describe(String source, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isBlank()) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }
}
