package dev.newsdesk.site;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A trending list ready to render.
 *
 * @param scope the list's scope in its text form: {@code all}, {@code label:Crime}, {@code category:sport}
 * @param window the window name, such as {@code now}
 * @param items best first
 */
record SiteList(String scope, String window, List<ListedArticle> items) {

    SiteList {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
        items = List.copyOf(items);
    }

    /** A heading for people: {@code Trending now}, {@code Trending this week in Crime}. */
    String title() {
        String when =
                switch (window.toLowerCase(Locale.ROOT)) {
                    case "week" -> "this week";
                    case "month" -> "this month";
                    default -> window;
                };
        int colon = scope.indexOf(':');
        return "Trending " + when + (colon < 0 ? "" : " in " + scope.substring(colon + 1));
    }
}
