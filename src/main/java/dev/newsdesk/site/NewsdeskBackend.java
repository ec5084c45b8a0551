package dev.newsdesk.site;

import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.StoredArticle;
import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.system.ModelService;
import dev.newsdesk.trending.ArticleMeta;
import dev.newsdesk.trending.Scope;
import dev.newsdesk.trending.Trending;
import dev.newsdesk.trending.TrendingException;
import dev.newsdesk.trending.TrendingItem;
import dev.newsdesk.trending.TrendingList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The site's backend over the trending engine, the article store and the served model. Stored articles reach the
 * trending engine through the store's save events, so the demo articles only need storing.
 */
@Component
final class NewsdeskBackend implements SiteBackend {

    private final Trending trending;
    private final ArticleService articles;
    private final ModelService models;

    NewsdeskBackend(Trending trending, ArticleService articles, ModelService models) {
        this.trending = trending;
        this.articles = articles;
        this.models = models;
    }

    /** Reads the scope and window as {@code GET /api/v1/trending} does, so the widget and feeds list the same. */
    @Override
    public SiteList top(String scope, String window, int limit) {
        TrendingList list;
        try {
            list = trending.top(scope(scope), window.toLowerCase(Locale.ROOT), limit);
        } catch (TrendingException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<ListedArticle> items = new ArrayList<>(list.items().size());
        for (TrendingItem item : list.items()) {
            ArticleMeta a = item.article();
            items.add(new ListedArticle(
                    item.rank(),
                    a.id(),
                    a.title(),
                    a.url(),
                    a.siteCategory() != null ? a.siteCategory() : a.label(),
                    a.publishedAt()));
        }
        return new SiteList(list.scope().toString(), list.window(), items);
    }

    private Scope scope(String text) {
        return Scope.parse(text, models.card().labels());
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

    /** Stores each article, so it is classified and registered for the lists, with fresh publication times. */
    @Override
    public boolean loadDemo(DemoArticles demo) {
        long demoStored = demo.articles().stream()
                .filter(d -> articles.find(d.id()).isPresent())
                .count();
        if (articles.count() > demoStored) {
            // a site's own articles are in the store: the demo's would only crowd its lists
            demo.articles().forEach(d -> articles.delete(d.id()));
            return false;
        }
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
        return true;
    }
}
