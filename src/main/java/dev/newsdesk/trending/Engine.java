package dev.newsdesk.trending;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A trending backend: the embedded index or Redis. {@link Trending} validates and delegates. */
interface Engine extends AutoCloseable {

    void register(ArticleMeta meta);

    /** Counts or drops the event; returns once an accepted event is durable. */
    Outcome record(EngagementEvent event);

    /** Like {@link #record}, completing once an accepted event is durable. */
    CompletionStage<Outcome> recordAsync(EngagementEvent event);

    /** {@link #recordAsync} for each event of a batch, in order: the batch's outcomes, in the batch's order. */
    default List<CompletionStage<Outcome>> recordAllAsync(List<EngagementEvent> events) {
        return events.stream().map(this::recordAsync).toList();
    }

    TrendingList top(Scope scope, int window, int limit);

    TrendingList rising(Scope scope, int limit);

    Optional<ScoreExplanation> explain(String articleId, int window);

    void editorial(int action, String articleId);

    TrendingStats stats();

    /** Makes everything recorded so far durable and visible to other nodes. */
    void flush();

    @Override
    void close();
}
