package io.portico.sync.internal.store;

/** A run's counters at one moment, as its row in {@code sync_run} keeps them. */
public record RunCounters(Long estimatedTotal, long done, long inserted, long updated, long unchanged, long deleted,
        long failed, long pages, long requests, long retries, double rate) {

    public Long etaSeconds() {
        return estimatedTotal == null || rate <= 0 ? null
                : Math.max(0, (long) Math.ceil((estimatedTotal - done) / rate));
    }
}
