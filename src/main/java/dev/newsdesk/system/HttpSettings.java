package dev.newsdesk.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code newsdesk.http.*}: limits of the API and who may call it from a browser.
 *
 * @param maxBodySize largest request body; larger ones are refused with 413 before they are read whole
 * @param maxBatchSize most articles in one {@code POST /classify/batch}
 * @param maxListSize most articles in one {@code GET /articles} page
 * @param corsOrigins site origins whose pages may call {@code /events} and {@code /trending} (patterns like
 *     {@code https://*.example.com} allowed); empty means same-origin only
 */
@ConfigurationProperties("newsdesk.http")
public record HttpSettings(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("100") int maxBatchSize,
        @DefaultValue("1000") int maxListSize,
        @DefaultValue List<String> corsOrigins) {

    public HttpSettings {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("newsdesk.http.max-body-size must be at least 1KB");
        }
        if (maxBatchSize < 1 || maxListSize < 1) {
            throw new IllegalArgumentException("newsdesk.http.max-batch-size and max-list-size must be positive");
        }
        corsOrigins = List.copyOf(corsOrigins);
    }
}
