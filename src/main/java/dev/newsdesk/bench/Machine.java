package dev.newsdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing the machine a benchmark ran on. */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = "unknown CPU";
        long memMiB = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memMiB = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: the rest of the line still says something
        }
        return String.format(
                Locale.ROOT,
                "machine: %d cores (%s), %d MiB RAM, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memMiB,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                Runtime.version());
    }
}
