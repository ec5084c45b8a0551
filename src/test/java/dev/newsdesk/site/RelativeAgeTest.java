package dev.newsdesk.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeAgeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({
        "0, just now",
        "59, just now",
        "60, 1 minute ago",
        "150, 2 minutes ago",
        "3599, 59 minutes ago",
        "3600, 1 hour ago",
        "10800, 3 hours ago",
        "86399, 23 hours ago",
        "86400, 1 day ago",
        "518400, 6 days ago",
        "604800, 1 week ago",
        "2505600, 4 weeks ago",
        "2592000, 1 month ago",
        "31449600, 12 months ago",
        "31536000, 1 year ago",
        "126144000, 4 years ago"
    })
    void saysAgeTheWayNewsSidebarsDo(long seconds, String expected) {
        assertThat(RelativeAge.between(NOW.minusSeconds(seconds), NOW)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void readsAFuturePublicationTimeAsJustNow() {
        assertThat(RelativeAge.between(NOW.plus(Duration.ofMinutes(5)), NOW)).isEqualTo("just now");
    }
}
