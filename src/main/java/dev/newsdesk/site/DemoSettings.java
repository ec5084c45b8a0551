package dev.newsdesk.site;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.demo.*}: the demo site under {@code /demo}.
 *
 * @param enabled load the invented demo articles at start and serve {@code /demo}; unset means on with the embedded
 *     H2 database and off with any other
 * @param viewAfter how long a demo article page is visible before its beacon sends the view
 * @param readAfter engaged time on a demo article page before its beacon sends a read
 */
@ConfigurationProperties("newsdesk.demo")
public record DemoSettings(
        Boolean enabled,
        @DefaultValue("5s") Duration viewAfter,
        @DefaultValue("15s") Duration readAfter) {

    public DemoSettings {
        if (viewAfter.isNegative() || readAfter.isNegative()) {
            throw new IllegalArgumentException("newsdesk.demo.view-after and read-after must not be negative");
        }
    }

    /** Whether the demo is on for a service whose database is at {@code datasourceUrl}. */
    public boolean on(String datasourceUrl) {
        return enabled != null ? enabled : datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
    }
}
