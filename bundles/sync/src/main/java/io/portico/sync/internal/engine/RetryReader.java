package io.portico.sync.internal.engine;

import io.portico.api.recordtype.SyncQuery;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.FailedRecords;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads again, by id, the records that failed in earlier runs and have not changed since (changed ones were read in
 * the changes phase): a fix in NetSuite's data or in the record-type plugin need not wait for the record to change.
 * A record NetSuite no longer returns (deleted, or outside the filters now) leaves the failed set.
 */
final class RetryReader {

    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final SyncQuery query;
    private final FailedRecords failures;
    private final PageFetcher fetcher;
    private final PageCommits commits;
    private final RunControl control;

    RetryReader(SyncStore store, ConfigRow config, long runId, SyncQuery query, FailedRecords failures,
            PageFetcher fetcher, PageCommits commits, RunControl control) {
        this.store = store;
        this.config = config;
        this.runId = runId;
        this.query = query;
        this.failures = failures;
        this.fetcher = fetcher;
        this.commits = commits;
        this.control = control;
    }

    void read(RunPlan plan) {
        List<Cursor> cursors = store.cursors(config.id(), Phase.RETRIES);
        if (cursors.isEmpty() || cursors.get(0).done()) {
            return;
        }
        Cursor k = cursors.get(0);
        List<String> base = Queries.base(query, config.settings().subsidiaryIds(),
                config.settings().customCondition());
        int pageSize = config.settings().pageSize();
        while (true) {
            control.checkStop();
            long after = k.afterId();
            List<Long> ids = store.jdbc().call(c -> failures.dueAfter(c, plan.runId(), after, pageSize));
            if (ids.isEmpty()) {
                Cursor done = k.advanced(after, true, 0);
                commits.inPageDo(c -> SyncStore.advance(c, config.id(), runId, done));
                return;
            }
            List<String> conditions = new ArrayList<>(base);
            conditions.add(Queries.idIn(query, ids));
            long high = ids.get(ids.size() - 1);
            FetchedPage page = fetcher.fetch(conditions, after, high, Long.MAX_VALUE);
            Set<Long> vanished = new HashSet<>(ids);
            page.headers().forEach(h -> vanished.remove(h.getLong(SyncQuery.ID)));
            boolean last = ids.size() < pageSize;
            Cursor advanced = k.advanced(high, last, page.headers().size());
            if (page.headers().isEmpty()) {
                commits.inPageDo(c -> {
                    SyncStore.advance(c, config.id(), runId, advanced);
                    failures.forget(c, vanished);
                });
            } else {
                if (!vanished.isEmpty()) {
                    commits.inPageDo(c -> {
                        SyncStore.fence(c, config.id(), runId);
                        failures.forget(c, vanished);
                    });
                }
                commits.writeRecords(plan, page, advanced);
            }
            k = advanced;
            if (last) {
                return;
            }
        }
    }
}
