package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.SyncQuery;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.FailedRecords;
import io.portico.sync.internal.store.PageWriter;
import io.portico.sync.internal.store.Phase;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ConfigRow;
import io.portico.sync.internal.store.SyncStore.ErrorRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes away what NetSuite no longer has: an incremental run reads NetSuite's {@code deletedrecord} rows of the type,
 * a full load sweeps the rows it did not see. Rows are archived, or deleted when the configuration says so; the
 * record-type plugin is asked first, and a row it refuses stays, with an error in the run's history.
 */
final class Deletions {

    private static final int SWEEP_BATCH = 1000;

    private final SyncStore store;
    private final ConfigRow config;
    private final long runId;
    private final RecordType type;
    private final NetSuiteClient client;
    private final PageWriter writer;
    private final FailedRecords failures;
    private final Progress progress;
    private final PageCommits commits;
    private final RunControl control;

    Deletions(SyncStore store, ConfigRow config, long runId, RecordType type, NetSuiteClient client,
            PageWriter writer, FailedRecords failures, Progress progress, PageCommits commits, RunControl control) {
        this.store = store;
        this.config = config;
        this.runId = runId;
        this.type = type;
        this.client = client;
        this.writer = writer;
        this.failures = failures;
        this.progress = progress;
        this.commits = commits;
        this.control = control;
    }

    /** Incremental runs: the records NetSuite deleted since the plan's time, page by page with their cursor. */
    void readDeletions(RunPlan plan) {
        List<Cursor> cursors = store.cursors(config.id(), Phase.DELETIONS);
        if (cursors.isEmpty() || cursors.get(0).done()) {
            return;
        }
        Cursor k = cursors.get(0);
        boolean archive = archive();
        int pageSize = config.settings().pageSize();
        String netsuiteRecord = type.descriptor().netsuiteRecord();
        while (true) {
            control.checkStop();
            List<SuiteQlRow> rows = new ArrayList<>();
            SuiteQlPage page = client.suiteQlPage(Queries.deletions(netsuiteRecord, plan.since(), k.afterId(),
                    pageSize).firstPage(), pageSize, 0, rows::add);
            boolean last = rows.size() < pageSize || !page.hasMore();
            List<Long> deleted = new ArrayList<>();
            for (SuiteQlRow r : rows) {
                deleted.add(r.getLong(SyncQuery.ID));
            }
            List<ErrorRow> errors = new ArrayList<>();
            List<Long> ids = approved(deleted, errors);
            Cursor advanced = k.advanced(rows.isEmpty() ? k.afterId() : rows.get(rows.size() - 1).getLong(SyncQuery.ID),
                    last, rows.size());
            int n = commits.inPage(c -> {
                SyncStore.advance(c, config.id(), runId, advanced);
                int removed = writer.delete(c, ids, archive);
                commits.recordErrors(c, errors);
                failures.forget(c, ids);
                return removed;
            });
            progress.deleted.addAndGet(n);
            progress.failed.addAndGet(errors.size());
            progress.pages.incrementAndGet();
            k = advanced;
            if (last) {
                return;
            }
        }
    }

    /** After a full load: archives (or deletes) what the load did not see, because NetSuite no longer has it. */
    void sweep(RunPlan plan) {
        boolean archive = archive();
        commits.inPageDo(c -> {
            SyncStore.fence(c, config.id(), runId);
            failures.forgetUnseenBy(c, plan.runId());
        });
        while (true) {
            control.checkStop();
            List<Long> unseen = store.jdbc().call(c -> writer.unseen(c, plan.generation(), SWEEP_BATCH));
            if (unseen.isEmpty()) {
                return;
            }
            List<ErrorRow> errors = new ArrayList<>();
            List<Long> ids = approved(unseen, errors);
            int n = commits.inPage(c -> {
                SyncStore.fence(c, config.id(), runId);
                int removed = writer.delete(c, ids, archive);
                commits.recordErrors(c, errors);
                if (!errors.isEmpty()) {
                    // Keep refused rows out of the next batch: mark them as seen by this generation.
                    writer.markSeen(c, errors.stream().map(ErrorRow::netsuiteId).toList(), plan.generation());
                }
                return removed;
            });
            progress.deleted.addAndGet(n);
            progress.failed.addAndGet(errors.size());
            if (unseen.size() < SWEEP_BATCH) {
                return;
            }
        }
    }

    private boolean archive() {
        return !"delete".equals(config.settings().onDelete());
    }

    /** The ids the record-type plugin lets go ({@code beforeDelete}); each one it refuses adds an error. */
    private List<Long> approved(List<Long> ids, List<ErrorRow> errors) {
        List<Long> approved = new ArrayList<>(ids.size());
        for (long id : ids) {
            try {
                type.beforeDelete(id);
                approved.add(id);
            } catch (RuntimeException e) {
                errors.add(new ErrorRow(id, "write", "the record-type plugin refused the deletion: "
                        + RunControl.describe(e), null));
            }
        }
        return approved;
    }
}
