package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.SuiteQlSourceRow;
import io.portico.sync.internal.store.Cursor;
import io.portico.sync.internal.store.FailedRecords;
import io.portico.sync.internal.store.PageWriter;
import io.portico.sync.internal.store.RunPlan;
import io.portico.sync.internal.store.SyncStore;
import io.portico.sync.internal.store.SyncStore.ErrorRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's transactions. Each one first moves a cursor or the state, or fences, on rows only the owning run may
 * change: a run that lost the configuration to another node fails there and commits nothing. A page of records is
 * mapped by the record-type plugin, then written with its cursor, its errors and the failed-record set in one of them.
 */
final class PageCommits {

    private static final Logger LOG = LoggerFactory.getLogger(PageCommits.class);

    @FunctionalInterface
    interface PageWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface PageAction {
        void run(Connection c) throws SQLException;
    }

    private final SyncStore store;
    private final SyncStore.ConfigRow config;
    private final long runId;
    private final RecordType type;
    private final PageWriter writer;
    private final FailedRecords failures;
    private final Progress progress;
    private final int maxErrorsPerRun;
    private final AtomicInteger errorsRecorded = new AtomicInteger();

    PageCommits(SyncStore store, SyncStore.ConfigRow config, long runId, RecordType type, PageWriter writer,
            FailedRecords failures, Progress progress, int maxErrorsPerRun) {
        this.store = store;
        this.config = config;
        this.runId = runId;
        this.type = type;
        this.writer = writer;
        this.failures = failures;
        this.progress = progress;
        this.maxErrorsPerRun = maxErrorsPerRun;
    }

    <T> T inPage(PageWork<T> work) {
        return store.jdbc().transaction(c -> {
            // Committed pages need not wait for the disk: should PostgreSQL itself crash, it loses the last
            // fraction of a second of commits (pages and their cursors together) and the next run reads them again.
            try (var st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        });
    }

    void inPageDo(PageAction action) {
        inPage(c -> {
            action.run(c);
            return null;
        });
    }

    /** Maps a page's records and writes them, with the slice's cursor moved to {@code advanced}. */
    void writeRecords(RunPlan plan, FetchedPage page, Cursor advanced) {
        Map<Long, PageWriter.Mapped> mapped = new LinkedHashMap<>();
        List<Long> failedIds = new ArrayList<>();
        List<ErrorRow> errors = new ArrayList<>();
        for (SuiteQlRow header : page.headers()) {
            long id = header.getLong(SyncQuery.ID);
            try {
                List<SourceRow> lineRows = new ArrayList<>();
                for (SuiteQlRow line : page.lines().getOrDefault(id, List.of())) {
                    lineRows.add(new SuiteQlSourceRow(line));
                }
                SuiteQlSourceRow row = new SuiteQlSourceRow(header);
                SyncedRecord record = type.map(row, lineRows);
                if (record == null || record.netsuiteId() != id) {
                    throw new RecordMappingException("the record type mapped record " + id + " to "
                            + (record == null ? "nothing" : "record " + record.netsuiteId()));
                }
                Instant lastModified = row.getInstant(SyncQuery.LAST_MODIFIED);
                type.beforeCommit(record);
                mapped.put(id, new PageWriter.Mapped(record, lastModified));
            } catch (RecordMappingException e) {
                failedIds.add(id);
                errors.add(new ErrorRow(id, "mapping", e.getMessage(), detail(e)));
            } catch (RuntimeException e) {
                failedIds.add(id);
                errors.add(new ErrorRow(id, "mapping", "the record-type plugin failed: " + RunControl.describe(e),
                        null));
                LOG.debug("Record type {} failed on record {}", config.recordType(), id, e);
            }
        }
        PageWriter.Outcome outcome = inPage(c -> {
            SyncStore.advance(c, config.id(), runId, advanced);
            PageWriter.Outcome o = writer.write(c, new ArrayList<>(mapped.values()), failedIds, plan.generation(),
                    plan.full(), plan.fresh());
            List<ErrorRow> all = new ArrayList<>(errors);
            all.addAll(o.errors());
            recordErrors(c, all);
            failures.track(c, runId, mapped.keySet(), all);
            return o;
        });
        progress.done.addAndGet(page.headers().size());
        progress.inserted.addAndGet(outcome.inserted());
        progress.updated.addAndGet(outcome.updated());
        progress.unchanged.addAndGet(outcome.unchanged());
        progress.failed.addAndGet(errors.size() + outcome.errors().size());
        progress.pages.incrementAndGet();
    }

    private static String detail(RecordMappingException e) {
        if (e.column() == null) {
            return null;
        }
        return "column " + e.column() + (e.rawValue() == null ? "" : ", value '" + e.rawValue() + "'");
    }

    /** Records a page's errors in its transaction, up to the run's limit (all are counted). */
    void recordErrors(Connection c, List<ErrorRow> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        int room = maxErrorsPerRun - errorsRecorded.get();
        if (room <= 0) {
            return;
        }
        List<ErrorRow> kept = errors.size() <= room ? errors : errors.subList(0, room);
        errorsRecorded.addAndGet(kept.size());
        SyncStore.insertErrors(c, runId, kept);
    }
}
