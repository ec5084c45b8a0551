package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.system.DataSettings;
import dev.newsdesk.system.SecuritySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path data;

    @Test
    void adminKeysMayWriteAndWriteKeysMayNotAdminister() {
        ApiKeys keys = new ApiKeys(
                new SecuritySettings(List.of("writer-key-0123456789"), List.of("admin-key-0123456789")),
                new DataSettings(data));

        assertThat(keys.roleOf("writer-key-0123456789")).isEqualTo(Access.Role.WRITE);
        assertThat(keys.roleOf("admin-key-0123456789")).isEqualTo(Access.Role.ADMIN);
        assertThat(keys.roleOf("admin-key-012345678")).isEqualTo(Access.Role.NONE);
        assertThat(keys.roleOf("")).isEqualTo(Access.Role.NONE);
        assertThat(Files.exists(data.resolve("api-key"))).isFalse();
    }

    @Test
    void withNoKeyConfiguredAnAdminKeyIsGeneratedForTheOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        SecuritySettings none = new SecuritySettings(List.of(), List.of());

        ApiKeys first = new ApiKeys(none, new DataSettings(data));
        String key = Files.readString(data.resolve("api-key")).strip();
        ApiKeys second = new ApiKeys(none, new DataSettings(data));

        assertThat(key).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("api-key"))))
                .isEqualTo("rw-------");
        assertThat(first.roleOf(key)).isEqualTo(Access.Role.ADMIN);
        assertThat(second.roleOf(key)).isEqualTo(Access.Role.ADMIN);
    }

    @Test
    void keysAreNotShownInSettingsOutput() {
        SecuritySettings s = new SecuritySettings(List.of("writer-key-0123456789"), List.of());

        assertThat(s.toString()).doesNotContain("writer-key-0123456789").contains("1 write keys");
    }
}
