package dev.newsdesk.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsdesk.security.*}: API keys. Writes need a write or admin key, {@code POST /model/reload} an admin key.
 * With no key configured at all, the service generates one admin key into {@code <data directory>/api-key}
 * (readable by its owner only) rather than run open.
 *
 * @param writeKeys keys that may classify, store, correct and delete articles
 * @param adminKeys keys that may also reload the model
 */
@ConfigurationProperties("newsdesk.security")
public record SecuritySettings(
        @DefaultValue List<String> writeKeys, @DefaultValue List<String> adminKeys) {

    public SecuritySettings {
        writeKeys = List.copyOf(writeKeys);
        adminKeys = List.copyOf(adminKeys);
        if (writeKeys.stream().anyMatch(SecuritySettings::tooShort)
                || adminKeys.stream().anyMatch(SecuritySettings::tooShort)) {
            throw new IllegalArgumentException("newsdesk.security keys must be at least 16 characters");
        }
    }

    private static boolean tooShort(String key) {
        return key == null || key.strip().length() < 16;
    }

    /** Whether any key is configured. */
    public boolean configured() {
        return !writeKeys.isEmpty() || !adminKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "SecuritySettings[" + writeKeys.size() + " write keys, " + adminKeys.size() + " admin keys]";
    }
}
