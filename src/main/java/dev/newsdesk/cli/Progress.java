package dev.newsdesk.cli;

import dev.newsdesk.training.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** A text progress bar on the error stream: redrawn in place on a terminal, a line per quarter otherwise. */
final class Progress implements TrainingProgress {

    private final PrintWriter err;
    private final boolean terminal;
    private String phase = "";
    private int lastQuarter = -1;
    private int lastPercent = -1;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress on(PrintWriter err) {
        return new Progress(err, System.console() != null && System.console().isTerminal());
    }

    @Override
    public synchronized void step(String newPhase, int done, int total) {
        int pct = total == 0 ? 100 : (int) (100L * done / total);
        draw(newPhase, pct, done + "/" + total, done == total);
    }

    /** {@code done} of {@code total} bytes read, shown in MB; redrawn only when the percentage moves. */
    synchronized void bytes(String newPhase, long done, long total) {
        int pct = total <= 0 ? 100 : (int) Math.min(100, 100 * done / total);
        if (pct == lastPercent && newPhase.equals(phase)) {
            return;
        }
        lastPercent = pct;
        draw(newPhase, pct, String.format(Locale.ROOT, "%.1f/%.1f MB", done / 1e6, total / 1e6), pct == 100);
    }

    private void draw(String newPhase, int pct, String amount, boolean finished) {
        if (!newPhase.equals(phase)) {
            if (terminal && !phase.isEmpty()) {
                err.println();
            }
            phase = newPhase;
            lastQuarter = -1;
        }
        if (terminal) {
            int filled = pct * 30 / 100;
            err.print("\r" + String.format("%-15s", phase) + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] "
                    + amount);
            if (finished) {
                err.println();
                phase = "";
            }
            err.flush();
        } else if (pct / 25 > lastQuarter) {
            lastQuarter = pct / 25;
            err.println(phase + ": " + amount + " (" + pct + "%)");
            err.flush();
        }
    }
}
