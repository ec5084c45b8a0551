package dev.newsdesk.article;

import dev.newsdesk.article.StoredArticle.ModelLabel;
import dev.newsdesk.classify.Prediction;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.system.Classifications;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Articles in and out: each one is classified on the way in and stored with its label, probabilities and model
 * version; editors' corrections are kept beside the model's label. Publishes {@link ArticleSaved} and
 * {@link ArticleDeleted}, which the trending list listens to.
 */
@Service
public final class ArticleService {

    private final ArticleStore store;
    private final Classifications classifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ArticleService(
            ArticleStore store, Classifications classifications, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.classifications = classifications;
        this.events = events;
        this.clock = clock;
    }

    /** What {@link #save} did. */
    public record Saved(StoredArticle article, boolean created) {}

    /**
     * Classifies and stores the article under {@code id} (the id inside {@code input} is ignored); a draft is stored
     * and classified but kept out of Trending.
     */
    public Saved save(String id, Article input, boolean draft) {
        Prediction p = classifications.classify(input.title(), input.body(), false);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<StoredArticle> before = store.find(id);
        StoredArticle a = new StoredArticle(
                id,
                input.title(),
                input.body(),
                input.author(),
                input.published(),
                input.siteCategory(),
                input.tags(),
                input.url(),
                draft,
                new ModelLabel(p.label(), p.confidence(), p.probabilities(), p.needsReview(), p.modelVersion()),
                before.map(StoredArticle::correction).orElse(null),
                before.map(StoredArticle::createdAt).orElse(now),
                now);
        boolean created = store.save(a);
        events.publishEvent(new ArticleSaved(a));
        return new Saved(a, created);
    }

    /** See {@link ArticleStore#corrected}. */
    public void corrected(java.util.function.Consumer<StoredArticle> sink) {
        store.corrected(sink);
    }

    public long count() {
        return store.count();
    }

    public Optional<StoredArticle> find(String id) {
        return store.find(id);
    }

    /** See {@link ArticleStore#list}. */
    public List<StoredArticle> list(String label, Instant since, boolean drafts, int limit) {
        return store.list(label, since, drafts, limit);
    }

    public boolean delete(String id) {
        boolean deleted = store.delete(id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (deleted) {
            events.publishEvent(new ArticleDeleted(id));
        }
        return deleted;
    }

    /** Records an editor's label; empty when there is no such article. The caller checks the label is known. */
    public Optional<StoredArticle> correct(String id, String label, String editor, String note) {
        Optional<StoredArticle> a =
                store.correct(id, label, editor, note, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        a.ifPresent(saved -> events.publishEvent(new ArticleSaved(saved)));
        return a;
    }

    /** Removes an editor's label, so the model's counts again; empty when there is no such article. */
    public Optional<StoredArticle> uncorrect(String id) {
        if (!store.uncorrect(id, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            return store.find(id);
        }
        Optional<StoredArticle> a = store.find(id);
        a.ifPresent(saved -> events.publishEvent(new ArticleSaved(saved)));
        return a;
    }
}
