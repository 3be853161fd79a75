package io.portico.sync.internal.engine;

import io.portico.sync.internal.store.RunCounters;
import java.util.concurrent.atomic.AtomicLong;

/** A run's counters, shared by its threads, and its rate over the last seconds. */
final class Progress {

    final AtomicLong done = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    private volatile Long estimatedTotal;
    private volatile long requestsBase;
    private volatile long retriesBase;
    private volatile long requests;
    private volatile long retries;

    // Rate: an exponential moving average of the per-tick rate (about the last five seconds).
    private long lastNanos = System.nanoTime();
    private long lastDone;
    private boolean measured;
    private double rate;

    /** Records an unfinished plan already committed before this run continued it. */
    synchronized void base(long committed) {
        done.set(committed);
        lastDone = committed;
    }

    void estimatedTotal(Long total) {
        estimatedTotal = total;
    }

    Long estimatedTotal() {
        return estimatedTotal;
    }

    /** NetSuite client counters when the run started, so the run reports only its own share. */
    void netsuiteBase(long requestsNow, long retriesNow) {
        requestsBase = requestsNow;
        retriesBase = retriesNow;
    }

    void netsuiteNow(long requestsNow, long retriesNow) {
        requests = requestsNow - requestsBase;
        retries = retriesNow - retriesBase;
    }

    /** Call every second or so: updates the rate. */
    synchronized double tick() {
        long now = System.nanoTime();
        long d = done.get();
        long elapsed = now - lastNanos;
        if (elapsed >= 500_000_000L) {
            double current = (d - lastDone) * 1e9 / elapsed;
            rate = measured ? 0.7 * rate + 0.3 * current : current;
            measured = true;
            lastNanos = now;
            lastDone = d;
        }
        return rate;
    }

    synchronized RunCounters snapshot() {
        return new RunCounters(estimatedTotal, done.get(), inserted.get(), updated.get(), unchanged.get(), deleted.get(),
                failed.get(), pages.get(), requests, retries, rate);
    }
}
