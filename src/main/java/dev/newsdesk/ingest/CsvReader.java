package dev.newsdesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV (RFC 4180) with a header row naming the corpus schema's fields. */
final class CsvReader implements ArticleReader {

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
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .setMaxRows(0)
                .get();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new InputStreamReader(in, decoder))
                .setFormat(format)
                .get()) {
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
                    throw fromIo(sourceName, parser.getCurrentLineNumber(), e.getCause());
                } catch (IllegalStateException e) {
                    throw new InputException(
                            sourceName, parser.getCurrentLineNumber() + 1, -1, "malformed CSV: " + e.getMessage());
                }
                long line = rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new InputException(
                            sourceName,
                            line,
                            -1,
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
                            -1,
                            "record is longer than " + maxRecordChars
                                    + " characters; raise the size limit or split it");
                }
                sink.accept(CorpusFields.toArticle(
                        fields, List.of(), sourceName + "#" + rec.getRecordNumber(), sourceName, line));
            }
        } catch (IOException e) {
            throw fromIo(sourceName, -1, e);
        } catch (UncheckedIOException e) {
            throw fromIo(sourceName, -1, e.getCause());
        }
    }

    private static RuntimeException fromIo(String source, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new InputException(source, line, -1, "is not valid UTF-8; convert the file to UTF-8");
        }
        if (e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")) {
            return new InputException(source, line, -1, "malformed CSV: a quoted field is never closed");
        }
        if (e.getMessage() != null && e.getMessage().startsWith("(line")) {
            return new InputException(source, line, -1, "malformed CSV: " + e.getMessage());
        }
        return new UncheckedIOException(e);
    }
}
