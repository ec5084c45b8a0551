package dev.newsdesk.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code newsdesk serve} child process on a free port, started from the test's own classpath (a jar left in
 * {@code target/} by an earlier build could be older than the code under test). Its output goes to a log file whose
 * tail is shown when it fails. {@link #close()} stops it, forcibly if it does not stop in time; a shutdown hook does
 * the same if the test JVM is stopped first.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Thread killer;

    private ServeProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts {@code newsdesk serve --server.port=<free port> <settings>}; returns at once, see {@link #awaitReady}. */
    static ServeProcess start(String name, Path logDirectory, List<String> settings) {
        int port = freePort();
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                javaCommand(),
                // small and quick to start: two of these share the machine with the test JVM
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-Xss512k",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.newsdesk.cli.Main",
                "serve",
                "--server.port=" + port));
        command.addAll(settings);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServeProcess(name, port, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until the node reports ready at {@code /actuator/health/readiness}; fails with its log if it never does. */
    ServeProcess awaitReady(NodeClient client) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "node " + name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            if (client.isReady()) {
                return this;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("node " + name + " not ready after " + START_TIMEOUT + ":\n" + logTail());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The last lines the node wrote, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseGet(() -> Path.of(
                        System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
