package dev.newsdesk.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.data.*}: where the embedded mode keeps its files.
 *
 * @param directory holds the H2 database ({@code db/}), model drops ({@code models/}), the trending event log and
 *     the generated API key
 */
@ConfigurationProperties("newsdesk.data")
public record DataSettings(@DefaultValue("./newsdesk-data") Path directory) {

    public Path resolve(String child) {
        return directory.resolve(child);
    }
}
