package dev.newsdesk.site;

import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.StoredArticle;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.system.ModelService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The site's backend over the article store and the served model. */
@Component
final class NewsdeskBackend implements SiteBackend {

    private final ArticleService articles;
    private final ModelService models;

    NewsdeskBackend(ArticleService articles, ModelService models) {
        this.articles = articles;
        this.models = models;
    }

    /** Trending lists need the trending engine, which this build does not have yet. */
    @Override
    public SiteList top(String scope, String window, int limit) {
        throw new IllegalStateException("the trending engine is not in this build yet");
    }

    @Override
    public ModelCard modelCard() {
        return models.card();
    }

    @Override
    public String modelSource() {
        return models.source();
    }

    @Override
    public Optional<String> label(String articleId) {
        return articles.find(articleId).map(StoredArticle::label);
    }

    /** Stores each article, so it is classified, with publication times counted back from the load. */
    @Override
    public void loadDemo(DemoArticles demo) {
        for (DemoArticle d : demo.articles()) {
            articles.save(
                    d.id(),
                    new Article(
                            d.id(),
                            d.title(),
                            d.body(),
                            d.author(),
                            d.publishedAt(demo.loadedAt()),
                            d.category(),
                            List.of("demo"),
                            d.path(),
                            null,
                            Map.of()),
                    false);
        }
    }
}
