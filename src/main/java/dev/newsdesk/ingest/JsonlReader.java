package dev.newsdesk.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON lines with the corpus schema: one object per line; blank lines are skipped. */
final class JsonlReader implements ArticleReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int maxRecordBytes;

    JsonlReader(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Format format() {
        return Format.JSONL;
    }

    @Override
    public void read(InputStream in, String sourceName, Consumer<Article> sink) {
        Utf8Lines lines = new Utf8Lines(in, sourceName, maxRecordBytes);
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            long n = lines.lineNumber();
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
                throw new InputException(sourceName, n, col, "malformed JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw new InputException(sourceName, n, 1, "each line must be a JSON object");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> tags = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (e.getKey().equals("tags") && v.isArray()) {
                    v.forEach(t -> tags.add(t.asString()));
                } else if (v.isValueNode()) {
                    fields.put(e.getKey(), v.asString());
                }
            }
            sink.accept(CorpusFields.toArticle(fields, tags, sourceName + "#" + n, sourceName, n));
        }
    }
}
