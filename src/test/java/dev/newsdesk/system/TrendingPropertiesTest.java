package dev.newsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.trending.EventType;
import dev.newsdesk.trending.TrendingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingPropertiesTest {

    private static final DataSettings DATA = new DataSettings(Path.of("/var/lib/newsdesk"));

    private static TrendingProperties props(
            String backend, Map<String, Duration> windows, Map<String, Double> weights) {
        return new TrendingProperties(
                backend,
                "redis://cache:6379",
                "site:trending",
                windows,
                weights,
                null,
                null,
                2,
                20,
                null,
                null,
                Duration.ofSeconds(10));
    }

    @Test
    void unsetSettingsKeepTheEngineDefaultsWithTheLogUnderTheDataDirectory() {
        TrendingSettings s = props("embedded", null, null).toSettings(DATA);

        assertThat(s.windows()).isEqualTo(TrendingSettings.DEFAULT_WINDOWS);
        assertThat(s.weights()).isEqualTo(TrendingSettings.DEFAULTS.weights());
        assertThat(s.maxPerCategory()).isEqualTo(2);
        assertThat(s.maxListSize()).isEqualTo(20);
        assertThat(s.storage().backend()).isEqualTo(TrendingSettings.Backend.EMBEDDED);
        assertThat(s.storage().logDir()).isEqualTo(Path.of("/var/lib/newsdesk/trending"));
    }

    @Test
    void windowsKeepTheirOrderAndWeightsNameEventTypesInAnyCase() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("hour", Duration.ofHours(1));
        windows.put("day", Duration.ofHours(24));

        TrendingSettings s = props("Redis", windows, Map.of("Share", 20.0)).toSettings(DATA);

        assertThat(s.windows()).extracting(TrendingSettings.Window::name).containsExactly("hour", "day");
        assertThat(s.weights()).containsEntry(EventType.SHARE, 20.0).containsEntry(EventType.VIEW, 1.0);
        assertThat(s.storage().backend()).isEqualTo(TrendingSettings.Backend.REDIS);
        assertThat(s.storage().redisKeyPrefix()).isEqualTo("site:trending");
    }

    @Test
    void anUnknownBackendOrEventTypeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> props("memcached", null, null))
                .hasMessageContaining("newsdesk.trending.backend must be embedded or redis");
        assertThatThrownBy(() -> props("embedded", null, Map.of("stare", 1.0)).toSettings(DATA))
                .hasMessageContaining("newsdesk.trending.weights.stare");
    }
}
