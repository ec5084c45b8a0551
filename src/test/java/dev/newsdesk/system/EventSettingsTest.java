package dev.newsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EventSettingsTest {

    private static EventSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("newsdesk.events", EventSettings.class);
    }

    @Test
    void theDefaultsAreTheOnesTheSettingsTablesGive() {
        assertThat(bind(Map.of())).isEqualTo(new EventSettings(20, 100, 500, 100_000, 100));
    }

    @Test
    void aNegativeQuotaIsRefusedAndZeroTurnsItOff() {
        assertThat(bind(Map.of("newsdesk.events.per-network-article", "0")).perNetworkArticle())
                .isZero();
        assertThatThrownBy(() -> bind(Map.of("newsdesk.events.per-network-article", "-1")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("per-network-article must be 0 or more");
    }
}
