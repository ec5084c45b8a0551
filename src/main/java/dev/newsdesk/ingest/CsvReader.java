package dev.newsdesk.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV (RFC 4180) with a header row naming the corpus schema's fields. */
final class CsvReader implements ArticleReader {

    // commons-csv reports a character offset from the start; Lines turns it into a column
    private static final Pattern AT = Pattern.compile("at line: (\\d+), position: (\\d+)");
    private static final Pattern STARTLINE = Pattern.compile("\\(startline (\\d+)\\)");

    private final long maxRecordChars;

    CsvReader(long maxRecordChars) {
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .setMaxRows(0)
                .get();
        Lines lines = new Lines(new StrictReader(Utf8Text.withoutBom(in), StandardCharsets.UTF_8, sourceName));
        try (CSVParser parser =
                CSVParser.builder().setReader(lines).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.stream().noneMatch(h -> h.equals("text") || h.equals("body") || h.equals("title"))) {
                throw new InputException(
                        sourceName, 1, 1, "header must name a 'text' or 'title' column; found " + header);
            }
            var it = parser.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    throw fromIo(sourceName, lines, e.getCause());
                } catch (IllegalStateException e) {
                    throw new InputException(
                            sourceName, parser.getCurrentLineNumber() + 1, 1, "malformed CSV: " + e.getMessage());
                }
                long line = rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new InputException(
                            sourceName,
                            line,
                            1,
                            "record has " + rec.size() + " fields but the header has " + header.size());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                long chars = 0;
                for (String h : header) {
                    String v = rec.get(h);
                    chars += v.length();
                    fields.put(h, v);
                }
                if (chars > maxRecordChars) {
                    throw new InputException(
                            sourceName,
                            line,
                            1,
                            "record is longer than " + maxRecordChars
                                    + " characters; raise the size limit or split it");
                }
                sink.accept(CorpusFields.toArticle(
                        fields, List.of(), sourceName + "#" + rec.getRecordNumber(), sourceName, line));
            }
        } catch (IOException e) {
            throw fromIo(sourceName, lines, e);
        } catch (UncheckedIOException e) {
            throw fromIo(sourceName, lines, e.getCause());
        } catch (IllegalArgumentException e) {
            // commons-csv refuses a header with duplicate or blank names this way
            throw new InputException(sourceName, 1, 1, "malformed CSV header: " + e.getMessage());
        }
    }

    private static InputException fromIo(String source, Lines lines, IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher at = AT.matcher(m);
        if (at.find()) {
            long line = Long.parseLong(at.group(1));
            // the reported position counts the offending character itself
            long column = lines.columnOf(line, Long.parseLong(at.group(2)) - 1);
            return new InputException(
                    source, line, column, "malformed CSV: a quoted field must be followed by a comma or a line end");
        }
        Matcher start = STARTLINE.matcher(m);
        if (start.find() && m.contains("EOF")) {
            return new InputException(
                    source,
                    Long.parseLong(start.group(1)),
                    1,
                    "malformed CSV: a quoted field in the record starting here is never closed");
        }
        if (m.startsWith("(line")) {
            return new InputException(source, lines.line(), lines.column(), "malformed CSV: " + m);
        }
        throw new UncheckedIOException(e);
    }

    /**
     * Counts lines and characters as the parser reads them, keeping where recent lines start, so an error's character
     * offset becomes a column. The parser reads ahead by at most its buffer, well within the lines kept.
     */
    private static final class Lines extends FilterReader {
        private static final int KEPT = 1 << 15;
        private final long[] starts = new long[KEPT];
        private long offset;
        private long line = 1;

        Lines(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                seen((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                seen(buf[off + i]);
            }
            return n;
        }

        private void seen(char c) {
            offset++;
            if (c == '\n') {
                line++;
                starts[(int) (line % KEPT)] = offset;
            }
        }

        long line() {
            return line;
        }

        long column() {
            return offset - starts[(int) (line % KEPT)] + 1;
        }

        /** The 1-based column of a 0-based character offset on a line, or -1 when the line is no longer known. */
        long columnOf(long atLine, long charOffset) {
            if (atLine < 1 || atLine > line || line - atLine >= KEPT) {
                return -1;
            }
            long start = atLine == 1 ? 0 : starts[(int) (atLine % KEPT)];
            return charOffset >= start ? charOffset - start + 1 : -1;
        }
    }
}
