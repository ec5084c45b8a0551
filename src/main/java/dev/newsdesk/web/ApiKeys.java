package dev.newsdesk.web;

import dev.newsdesk.system.DataSettings;
import dev.newsdesk.system.SecuritySettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks API keys. Keys are kept only as SHA-256 digests and compared in constant time against every configured
 * key, so neither timing nor the number of keys says how close a guess was. Keys are never logged. With none
 * configured, one admin key is generated into {@code <data directory>/api-key}, readable by its owner only.
 */
@Component
final class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> write;
    private final List<byte[]> admin;

    ApiKeys(SecuritySettings settings, DataSettings data) {
        if (settings.configured()) {
            this.write =
                    settings.writeKeys().stream().map(k -> digest(k.strip())).toList();
            this.admin =
                    settings.adminKeys().stream().map(k -> digest(k.strip())).toList();
        } else {
            Path file = data.resolve("api-key");
            this.write = List.of();
            this.admin = List.of(digest(generatedKey(file)));
            log.info("no API key configured (newsdesk.security.*): writes and admin take the key in {}", file);
        }
    }

    /** The role the request's key grants: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. */
    Access.Role roleOf(HttpServletRequest request) {
        String key = presented(request);
        return key == null ? Access.Role.NONE : roleOf(key);
    }

    static String presented(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String key = request.getHeader("X-API-Key");
        return key == null ? null : key.strip();
    }

    Access.Role roleOf(String key) {
        byte[] d = digest(key);
        boolean isAdmin = matchesAny(d, admin);
        boolean isWriter = matchesAny(d, write);
        return isAdmin ? Access.Role.ADMIN : isWriter ? Access.Role.WRITE : Access.Role.NONE;
    }

    private static boolean matchesAny(byte[] d, List<byte[]> keys) {
        boolean match = false;
        for (byte[] k : keys) {
            match |= MessageDigest.isEqual(d, k);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String generatedKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".api-key", ".tmp");
            try {
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the API key file " + file + ": " + e.getMessage(), e);
        }
    }
}
