package io.portico.settings.internal;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A setting each node keeps in memory and reads again from PostgreSQL at most every {@link #REFRESH_NANOS}, so that a
 * change saved on one node shows on every node within seconds; the node that saves calls {@link #now()} and shows it
 * at once.
 */
final class Reread<T> {

    static final long REFRESH_NANOS = 2_000_000_000L;

    private final Supplier<T> read;
    private final LongSupplier nanoTime;
    private volatile Snapshot<T> snapshot;

    private record Snapshot<T>(T value, long readAt) {
    }

    Reread(Supplier<T> read, LongSupplier nanoTime) {
        this.read = read;
        this.nanoTime = nanoTime;
    }

    /** The value as last read, read again first when that was {@link #REFRESH_NANOS} ago or more. */
    T get() {
        Snapshot<T> current = snapshot;
        long now = nanoTime.getAsLong();
        if (current == null || now - current.readAt() >= REFRESH_NANOS) {
            current = new Snapshot<>(read.get(), now);
            snapshot = current;
        }
        return current.value();
    }

    /** Reads the value again now (after this node saved it). */
    void now() {
        snapshot = new Snapshot<>(read.get(), nanoTime.getAsLong());
    }
}
