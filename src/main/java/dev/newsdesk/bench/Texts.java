package dev.newsdesk.bench;

import dev.newsdesk.ingest.Article;
import java.util.ArrayList;
import java.util.List;

/** Benchmark texts of a given size, made by joining corpus bodies and cutting at a word boundary. */
final class Texts {

    private Texts() {}

    static List<Article> ofSize(List<Article> corpus, int bytes, int count) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty");
        }
        List<Article> out = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            Article head = corpus.get(next % corpus.size());
            StringBuilder sb = new StringBuilder(bytes + 200);
            while (sb.length() < bytes) {
                Article a = corpus.get(next++ % corpus.size());
                sb.append(a.body()).append("\n\n");
            }
            int cut = sb.lastIndexOf(" ", bytes);
            out.add(Article.of("bench-text-" + i, head.title(), sb.substring(0, cut > 0 ? cut : bytes)));
        }
        return out;
    }
}
