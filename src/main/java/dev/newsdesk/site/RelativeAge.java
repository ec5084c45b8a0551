package dev.newsdesk.site;

import java.time.Duration;
import java.time.Instant;

/** How long ago something was published, the way news sidebars say it: {@code 3 hours ago}, {@code 1 year ago}. */
final class RelativeAge {

    private RelativeAge() {}

    /** The age of {@code then} at {@code now}; a time in the future (clock skew at the CMS) reads as just now. */
    static String between(Instant then, Instant now) {
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return ago(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return ago(hours, "hour");
        }
        long days = hours / 24;
        if (days < 7) {
            return ago(days, "day");
        }
        if (days < 30) {
            return ago(days / 7, "week");
        }
        if (days < 365) {
            return ago(days / 30, "month");
        }
        return ago(days / 365, "year");
    }

    private static String ago(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
