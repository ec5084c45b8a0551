package dev.newsdesk.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * Drives load over {@link RawHttp} connections on virtual threads. Open loop: requests leave at a fixed rate and
 * latency counts from when each was due, so a stalled server shows in the figures instead of slowing the driver.
 * Closed loop: a fixed number of clients send back to back, for throughput.
 */
final class LoadDriver {

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<RawHttp> idle = new ConcurrentLinkedQueue<>();

    LoadDriver(String host, int port) {
        this.host = host;
        this.port = port;
    }

    String hostPort() {
        return host + ":" + port;
    }

    /**
     * What a phase measured.
     *
     * @param requests answered requests
     * @param errors requests that failed or were not 2xx
     * @param units what {@code count} added up (e.g. accepted events), or {@code requests}
     * @param seconds wall time of the phase
     * @param latencies per request, nanoseconds, sorted
     */
    record Stats(long requests, long errors, long units, double seconds, long[] latencies) {

        double perSecond() {
            return requests / seconds;
        }

        double unitsPerSecond() {
            return units / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p / 100 * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }

        String latencyLine() {
            return String.format(
                    Locale.ROOT,
                    "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                    percentileMillis(50),
                    percentileMillis(90),
                    percentileMillis(99),
                    percentileMillis(99.9),
                    percentileMillis(100));
        }
    }

    /** {@code rate} requests a second for {@code seconds}; request {@code i} is {@code requests.apply(i)}. */
    Stats openLoop(double rate, double seconds, IntFunction<byte[]> requests) throws InterruptedException {
        int n = (int) (rate * seconds);
        long[] latencies = new long[n];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(n);
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            Thread.ofVirtual().start(() -> {
                try {
                    RawHttp.Response r = send(requests.apply(k));
                    if (r.status() / 100 != 2) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    latencies[k] = System.nanoTime() - due;
                    done.countDown();
                }
            });
        }
        done.await();
        double took = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Stats(n - errors.get(), errors.get(), n - errors.get(), took, latencies);
    }

    /**
     * {@code clients} clients sending back to back for {@code seconds}; {@code units} counts what each 2xx answer
     * was worth (e.g. events accepted).
     */
    Stats closedLoop(int clients, double seconds, IntFunction<byte[]> requests, ToLongFunction<RawHttp.Response> units)
            throws InterruptedException {
        long[][] perClient = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong failed = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong total = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = Thread.ofVirtual().start(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                RawHttp http = null;
                for (int i = client; System.nanoTime() < end; i += clients) {
                    long t0 = System.nanoTime();
                    try {
                        if (http == null) {
                            http = new RawHttp(host, port);
                        }
                        RawHttp.Response r = http.exchange(requests.apply(i));
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = System.nanoTime() - t0;
                        if (r.status() / 100 == 2) {
                            total.addAndGet(units.applyAsLong(r));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        lost.incrementAndGet();
                        http = quietlyClose(http);
                    }
                }
                quietlyClose(http);
                perClient[client] = lat;
                counts[client] = n;
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Stats(n - failed.get(), failed.get() + lost.get(), total.get(), took, all);
    }

    private static RawHttp quietlyClose(RawHttp http) {
        if (http != null) {
            try {
                http.close();
            } catch (IOException ignored) {
                // a broken connection we give up anyway
            }
        }
        return null;
    }

    /** One request on a pooled connection. */
    RawHttp.Response send(byte[] request) throws IOException {
        RawHttp http = idle.poll();
        if (http == null) {
            http = new RawHttp(host, port);
        }
        try {
            RawHttp.Response r = http.exchange(request);
            idle.add(http);
            return r;
        } catch (IOException e) {
            http.close();
            throw e;
        }
    }

    void close() {
        for (RawHttp h; (h = idle.poll()) != null; ) {
            try {
                h.close();
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
        }
    }
}
