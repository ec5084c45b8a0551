package dev.newsdesk.system;

import dev.newsdesk.classify.ModelCard;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code model}: the served model's version, labels and source. */
@Component("model")
final class ModelHealth implements HealthIndicator {

    private final ModelService models;

    ModelHealth(ModelService models) {
        this.models = models;
    }

    @Override
    public Health health() {
        ModelCard card = models.card();
        return Health.up()
                .withDetail("version", card.version())
                .withDetail("labels", card.labels())
                .withDetail("source", models.source())
                .build();
    }
}
