package io.portico.sync.internal.engine;

import io.portico.api.recordtype.SyncQuery;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a sliced phase: every unfinished slice on a thread of its own, each page by page, the next page fetched
 * while this one is written. A slice that fails stops the others after their current pages.
 */
final class SliceReader implements AutoCloseable {

    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final SyncQuery query;
    private final PageFetcher fetcher;
    private final PageCommits commits;
    private final RunControl control;
    private ExecutorService slices;
    private ExecutorService fetches;

    SliceReader(SyncStore store, ConfigRow config, long runId, SyncQuery query, PageFetcher fetcher,
            PageCommits commits, RunControl control) {
        this.store = store;
        this.config = config;
        this.runId = runId;
        this.query = query;
        this.fetcher = fetcher;
        this.commits = commits;
        this.control = control;
    }

    void read(RunPlan plan, Phase phase) {
        List<Cursor> open = store.cursors(config.id(), phase).stream().filter(k -> !k.done()).toList();
        if (open.isEmpty()) {
            return;
        }
        List<String> conditions = new ArrayList<>(Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition()));
        if (phase == Phase.RECENT) {
            conditions.add(Queries.recent(query, plan.cutoff()));
        } else if (phase == Phase.HISTORY) {
            conditions.add(Queries.history(query, plan.cutoff()));
        } else if (phase == Phase.CHANGES) {
            conditions.add(Queries.changedSince(query, plan.since()));
        }
        ensurePools();
        List<Future<?>> running = new ArrayList<>();
        for (Cursor k : open) {
            running.add(slices.submit(() -> readSlice(plan, conditions, k)));
        }
        RuntimeException first = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(e.getCause());
                if (first == null || (first instanceof RunControl.Stopped && !(cause instanceof RunControl.Stopped))) {
                    first = cause;
                }
                control.requestStop("another slice failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.requestStop("interrupted");
                first = new RunControl.Stopped("interrupted");
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Reads a slice page by page: each page asks for the ids in a window after the cursor (not for the whole rest of
     * the slice, which NetSuite would count for every page), the next page is fetched while this one is written.
     */
    private void readSlice(RunPlan plan, List<String> conditions, Cursor start) {
        long high = start.high();
        long firstAfter = start.afterId();
        Cursor k = start;
        Future<FetchedPage> next = fetches.submit(() -> fetcher.fetch(conditions, firstAfter, high,
                fetcher.initialWindow()));
        while (true) {
            FetchedPage page = await(next);
            if (!page.last()) {
                long after = page.coveredUpTo();
                long window = page.nextWindow();
                next = fetches.submit(() -> fetcher.fetch(conditions, after, high, window));
            }
            control.checkStop();
            if (page.headers().isEmpty()) {
                if (page.last()) {
                    Cursor doneCursor = k.advanced(high, true, 0);
                    commits.inPageDo(c -> SyncStore.advance(c, config.id(), runId, doneCursor));
                    return;
                }
                continue;
            }
            Cursor advanced = k.advanced(page.coveredUpTo(), page.last(), page.headers().size());
            commits.writeRecords(plan, page, advanced);
            k = advanced;
            if (page.last()) {
                return;
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunControl.Stopped("interrupted");
        }
    }

    private void ensurePools() {
        if (slices == null) {
            int size = Math.max(1, Math.min(32, config.settings().parallelism()));
            slices = Executors.newFixedThreadPool(size, named("slice"));
            fetches = Executors.newFixedThreadPool(size, named("fetch"));
        }
    }

    private ThreadFactory named(String role) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "portico-sync-" + config.recordType() + "-" + role + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Ends the slice and fetch threads. */
    @Override
    public void close() {
        for (ExecutorService pool : new ExecutorService[] {slices, fetches}) {
            if (pool != null) {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
