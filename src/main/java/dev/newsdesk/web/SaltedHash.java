package dev.newsdesk.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A client network's key: the first 64 bits of a SHA-256 over a salt drawn at random when the process starts and
 * never written anywhere, so an address cannot be read back from anything kept in memory, and the keys of one
 * process say nothing about another's.
 */
final class SaltedHash {

    private final byte[] salt = new byte[16];

    SaltedHash() {
        new SecureRandom().nextBytes(salt);
    }

    long of(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] d = sha.digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
