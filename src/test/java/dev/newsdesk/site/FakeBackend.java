package dev.newsdesk.site;

import dev.newsdesk.classify.ModelCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A backend for controller tests: a list it is told, the windows {@code now}, {@code today} and {@code week}. */
final class FakeBackend implements SiteBackend {

    volatile SiteList list;
    volatile ModelCard card;
    final Map<String, String> labels = new ConcurrentHashMap<>();
    final List<String> asked = new ArrayList<>();
    final List<DemoArticles> loaded = new ArrayList<>();

    FakeBackend(SiteList list) {
        this.list = list;
    }

    @Override
    public synchronized SiteList top(String scope, String window, int limit) {
        if (!List.of("now", "today", "week").contains(window)) {
            throw new IllegalArgumentException("unknown window '" + window + "'; use now, today or week");
        }
        asked.add(scope + "/" + window + "/" + limit);
        return new SiteList(
                scope,
                window,
                list.items().subList(0, Math.min(limit, list.items().size())));
    }

    @Override
    public ModelCard modelCard() {
        return card;
    }

    @Override
    public String modelSource() {
        return "bundled";
    }

    @Override
    public Optional<String> label(String articleId) {
        return Optional.ofNullable(labels.get(articleId));
    }

    @Override
    public synchronized boolean loadDemo(DemoArticles demo) {
        loaded.add(demo);
        return true;
    }
}
