package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncRun;
import java.util.Locale;

/** One console line for a run: {@code [######......]  45%  4,500/10,000  1,234/s  ETA 0:04  recent}. */
public final class ProgressBar {

    private ProgressBar() {
    }

    static String render(SyncRun run, int width) {
        StringBuilder line = new StringBuilder();
        Long total = run.estimatedTotal();
        if (total != null && total > 0) {
            double fraction = Math.min(1.0, (double) run.recordsDone() / total);
            int filled = (int) Math.round(fraction * width);
            line.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)));
            line.append(String.format(Locale.ROOT, "  %,d/%,d", run.recordsDone(), total));
        } else {
            line.append('[').append("?".repeat(width)).append("]      ")
                    .append(String.format(Locale.ROOT, "  %,d", run.recordsDone()));
        }
        line.append(String.format(Locale.ROOT, "  %,.0f/s", run.ratePerSecond()));
        line.append("  ETA ").append(run.etaSeconds() == null ? "-" : duration(run.etaSeconds()));
        line.append("  ").append(run.phase());
        return line.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** The counts of a finished run, one line. */
    static String summary(SyncRun r) {
        return String.format(Locale.ROOT, "run %d %s (%s): %,d read, %,d inserted, %,d updated, %,d unchanged, "
                + "%,d deleted, %,d failed, %,d pages, %,d requests, %,d retries%s", r.id(), r.status(), r.mode(),
                r.recordsDone(), r.inserted(), r.updated(), r.unchanged(), r.deleted(), r.failed(), r.pages(),
                r.requests(), r.retries(), r.message() == null ? "" : " - " + r.message());
    }
}
