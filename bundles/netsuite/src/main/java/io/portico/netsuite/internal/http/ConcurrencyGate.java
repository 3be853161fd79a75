package io.portico.netsuite.internal.http;

import java.util.concurrent.Semaphore;

/**
 * The account's concurrency limit inside this JVM: one per client, shared by every caller of that client. Fair, so
 * a caller that backed off after a 429 is not overtaken forever.
 */
public final class ConcurrencyGate {

    private final int limit;
    private final Semaphore slots;

    public ConcurrencyGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency limit must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit, true);
    }

    void enter() throws InterruptedException {
        slots.acquire();
    }

    void leave() {
        slots.release();
    }

    public int inFlight() {
        return limit - slots.availablePermits();
    }

    public int waiting() {
        return slots.getQueueLength();
    }
}
