package dev.newsdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server under load: a separate {@code newsdesk serve} process (the default, so its memory and start-up are its
 * own), or one already running at a URL.
 */
final class BenchServer implements AutoCloseable {

    final String host;
    final int port;
    final Process process;
    final double startupSeconds;

    private BenchServer(String host, int port, Process process, double startupSeconds) {
        this.host = host;
        this.port = port;
        this.process = process;
        this.startupSeconds = startupSeconds;
    }

    static BenchServer at(URI url) {
        return new BenchServer(url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), null, Double.NaN);
    }

    /** Runs {@code <command> <args>} (e.g. {@code ./newsdesk serve}) and waits until it reports ready. */
    static BenchServer start(List<String> command, List<String> serveArgs, Path dataDir)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.add("--server.port=" + port);
        cmd.add("--newsdesk.data.directory=" + dataDir);
        cmd.addAll(serveArgs);
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("serve.log").toFile())
                .start();
        byte[] ready = RawHttp.request("GET", "127.0.0.1:" + port, "/actuator/health/readiness", null, null);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("serve exited with " + p.exitValue() + "; see " + dataDir.resolve("serve.log"));
            }
            try (RawHttp http = new RawHttp("127.0.0.1", port)) {
                if (http.exchange(ready).status() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 120e9) {
                p.destroy();
                throw new IOException("serve was not ready within 120 s; see " + dataDir.resolve("serve.log"));
            }
            Thread.sleep(10);
        }
        return new BenchServer("127.0.0.1", port, p, (System.nanoTime() - t0) / 1e9);
    }

    /** Resident and peak resident memory of the server process in MiB, from /proc; null when not ours or not Linux. */
    long[] rssMiB() {
        if (process == null) {
            return null;
        }
        return rssMiB(Path.of("/proc", String.valueOf(process.pid()), "status"));
    }

    /** VmRSS and VmHWM of a {@code /proc/<pid>/status} file in MiB, or null when it cannot be read. */
    static long[] rssMiB(Path status) {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line) / 1024;
                }
            }
            return new long[] {rss, hwm};
        } catch (IOException e) {
            return null;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }
}
