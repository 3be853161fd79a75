package io.portico.sync.internal.web;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.Formats;
import io.portico.sync.internal.shell.ProgressBar;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Syncs as the admin pages show them to one reader: every value is text ready to print (counts grouped, times on the
 * reader's clock in their language, record types by their labels), so the templates hold no formatting and no
 * locale. Absent values are empty text.
 */
final class SyncViews {

    private final Formats formats;
    private final Function<String, String> labels;

    /** @param labels a record type's label by its name ({@code PluginRegistry.recordTypeLabel}) */
    SyncViews(Formats formats, Function<String, String> labels) {
        this.formats = formats;
        this.labels = labels;
    }

    /** The zone the times are on, by its name. */
    String zone() {
        return formats.zone().getId();
    }

    /** A record type's label: "Credit memos" for {@code creditmemo}. */
    String label(String recordType) {
        return labels.apply(recordType);
    }

    Map<String, Object> config(SyncConfig c) {
        SyncSettings s = c.settings();
        boolean pluginActive = c.queryAlias() != null;
        Map<String, Object> m = new HashMap<>();
        m.put("type", c.recordType());
        m.put("label", label(c.recordType()));
        m.put("pluginActive", pluginActive);
        m.put("queryAlias", text(c.queryAlias()));
        m.put("enabled", s.enabled());
        m.put("paused", s.paused());
        m.put("schedule", SyncForm.label(s.schedule()));
        m.put("state", state(c, pluginActive));
        m.put("note", note(c, pluginActive));
        m.put("nextRun", time(c.nextRunAt()));
        m.put("fullLoadDone", c.fullLoadDone());
        m.put("running", c.currentRun() != null);
        if (c.currentRun() != null) {
            m.put("run", run(c.currentRun()));
        }
        if (c.lastRun() != null) {
            m.put("lastRun", run(c.lastRun()));
        }
        m.put("canStart", pluginActive && s.enabled() && c.currentRun() == null);
        m.put("toggle", !s.enabled() ? "enable" : s.paused() ? "resume" : "pause");
        return m;
    }

    Map<String, Object> run(SyncRun r) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", Long.toString(r.id()));
        m.put("mode", r.mode());
        m.put("trigger", r.trigger());
        m.put("status", r.status());
        m.put("running", r.running());
        m.put("phase", text(r.phase()));
        m.put("node", text(r.node()));
        m.put("startedAt", time(r.startedAt()));
        m.put("finishedAt", time(r.finishedAt()));
        Long total = r.estimatedTotal();
        m.put("done", count(r.recordsDone()));
        m.put("total", total == null ? "" : count(total));
        // <progress> without a value is indeterminate: the total is not known yet.
        m.put("progressMax", total == null || total <= 0 ? "" : Long.toString(total));
        m.put("progressValue", total == null || total <= 0 ? "" : Long.toString(Math.min(r.recordsDone(), total)));
        m.put("percent", total == null || total <= 0 ? ""
                : (int) Math.floor(Math.min(1.0, (double) r.recordsDone() / total) * 100) + "%");
        m.put("rate", String.format(Locale.ROOT, "%,.0f/s", r.ratePerSecond()));
        m.put("eta", r.etaSeconds() == null ? "" : ProgressBar.duration(r.etaSeconds()));
        m.put("inserted", count(r.inserted()));
        m.put("updated", count(r.updated()));
        m.put("unchanged", count(r.unchanged()));
        m.put("deleted", count(r.deleted()));
        m.put("failed", count(r.failed()));
        m.put("pages", count(r.pages()));
        m.put("requests", count(r.requests()));
        m.put("retries", count(r.retries()));
        m.put("message", text(r.message()));
        return m;
    }

    Map<String, Object> error(SyncRunError e) {
        Map<String, Object> m = new HashMap<>();
        m.put("netsuiteId", e.netsuiteId() == null ? "" : Long.toString(e.netsuiteId()));
        m.put("kind", e.kind());
        m.put("message", text(e.message()));
        m.put("detail", text(e.detail()));
        m.put("occurredAt", time(e.occurredAt()));
        return m;
    }

    Map<String, Object> failing(SyncFailingRecord f) {
        Map<String, Object> m = new HashMap<>();
        m.put("netsuiteId", Long.toString(f.netsuiteId()));
        m.put("kind", f.kind());
        m.put("message", text(f.message()));
        m.put("attempts", f.attempts());
        m.put("firstFailedAt", time(f.firstFailedAt()));
        m.put("lastFailedAt", time(f.lastFailedAt()));
        return m;
    }

    /** A message of the engine's for the page: it starts with a capital letter and ends with a full stop. */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String m = message.strip();
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    private static String state(SyncConfig c, boolean pluginActive) {
        if (c.currentRun() != null) {
            return "running";
        }
        if (!c.settings().enabled()) {
            return "disabled";
        }
        if (!pluginActive) {
            return "paused";
        }
        return switch (c.state()) {
            case "netsuite-not-configured" -> "waiting for NetSuite";
            case "unconfigured" -> "not configured";
            case "idle" -> c.nextRunAt() == null ? "idle" : "scheduled";
            default -> c.state();
        };
    }

    private static String note(SyncConfig c, boolean pluginActive) {
        if (!pluginActive) {
            return "The record-type plugin is stopped: its syncs wait until it runs again, and its data stays.";
        }
        return switch (c.state()) {
            case "netsuite-not-configured" -> "NetSuite is not connected yet (etc/io.portico.netsuite.cfg).";
            case "unconfigured" -> "Not scheduled until its configuration is saved; running it once saves the "
                    + "defaults.";
            case "paused" -> "The schedule is paused; runs start only by hand.";
            default -> "";
        };
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private String time(Instant instant) {
        return formats.dateTime(instant);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
