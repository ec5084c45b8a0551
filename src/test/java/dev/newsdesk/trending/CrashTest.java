package dev.newsdesk.trending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a process under load, twice; after the restart every acknowledged event is counted. */
class CrashTest {

    private static final int ARTICLES = 16;
    private static final int ACKS_BEFORE_KILL = 20_000;

    @TempDir
    Path dir;

    private Process start(String mode, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                mode,
                dir.resolve("log").toString(),
                String.valueOf(ARTICLES)));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("child.err").toFile()))
                .start();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventSurvivesKillDashNine() throws Exception {
        Map<String, Long> acked = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            Process child = start("load", "4");
            long acks = 0;
            boolean killed = false;
            try (var in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                // lines already written when the kill lands are still read: each was printed after its ack
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        acked.merge(line.substring(4), 1L, Long::sum);
                        if (++acks == ACKS_BEFORE_KILL) {
                            // SIGKILL on Linux; through the handle, which (unlike Process.destroyForcibly) leaves our
                            // end of the pipe open
                            child.toHandle().destroyForcibly();
                            killed = true;
                        }
                    }
                }
            }
            child.waitFor();
            assertThat(killed)
                    .as("child stopped before %d acks; stderr: %s", ACKS_BEFORE_KILL, stderr())
                    .isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
        }

        Process verify = start("verify");
        Map<String, Long> counted = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(verify.getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> l.startsWith("count ")).forEach(l -> {
                String[] f = l.split(" ");
                counted.put(f[1], Long.parseLong(f[2]));
            });
        }
        assertThat(verify.waitFor()).as("verify exit; stderr: %s", stderr()).isZero();
        assertThat(counted).hasSize(ARTICLES);
        long totalAcked = acked.values().stream().mapToLong(Long::longValue).sum();
        assertThat(totalAcked).isGreaterThanOrEqualTo(2L * ACKS_BEFORE_KILL);
        acked.forEach(
                (id, n) -> assertThat(counted.get(id)).as("views of %s", id).isGreaterThanOrEqualTo(n));
    }

    private String stderr() throws IOException {
        Path err = dir.resolve("child.err");
        return Files.exists(err) ? Files.readString(err) : "";
    }
}
