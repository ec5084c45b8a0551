package dev.newsdesk.site;

import dev.newsdesk.classify.ModelCard;
import java.util.Optional;

/** What the site's pages and feeds need from the rest of Newsdesk: trending lists, the served model, the store. */
interface SiteBackend {

    /**
     * The trending list of {@code scope} in {@code window}, best first.
     *
     * @throws IllegalArgumentException for an unknown scope or window, with a message for the caller
     * @throws IllegalStateException when the lists cannot be read now (the trending store is unreachable)
     */
    SiteList top(String scope, String window, int limit);

    /** The served model's card. */
    ModelCard modelCard();

    /** Where the served model was loaded from: a file path or {@code bundled}. */
    String modelSource();

    /** The label the site shows for a stored article (the editor's, else the model's). */
    Optional<String> label(String articleId);

    /**
     * Stores (and so classifies) the demo articles and registers them with the trending engine while the store holds
     * nothing else; once the site has stored articles of its own, removes the demo's instead and returns false.
     */
    boolean loadDemo(DemoArticles demo);
}
