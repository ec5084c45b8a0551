package dev.newsdesk.cli;

import dev.newsdesk.training.TrainingProgress;
import java.io.PrintWriter;

/** A text progress bar on the error stream: redrawn in place on a terminal, a line per quarter otherwise. */
final class Progress implements TrainingProgress {

    private final PrintWriter err;
    private final boolean terminal;
    private String phase = "";
    private int lastQuarter = -1;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress on(PrintWriter err) {
        return new Progress(err, System.console() != null && System.console().isTerminal());
    }

    @Override
    public synchronized void step(String newPhase, int done, int total) {
        if (!newPhase.equals(phase)) {
            if (terminal && !phase.isEmpty()) {
                err.println();
            }
            phase = newPhase;
            lastQuarter = -1;
        }
        int pct = total == 0 ? 100 : (int) (100L * done / total);
        if (terminal) {
            int filled = pct * 30 / 100;
            err.print("\r" + String.format("%-15s", phase) + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] "
                    + done + "/" + total);
            if (done == total) {
                err.println();
                phase = "";
            }
            err.flush();
        } else if (pct / 25 > lastQuarter) {
            lastQuarter = pct / 25;
            err.println(phase + ": " + done + "/" + total + " (" + pct + "%)");
            err.flush();
        }
    }
}
