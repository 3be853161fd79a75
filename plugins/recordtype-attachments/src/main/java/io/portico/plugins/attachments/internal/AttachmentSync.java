package io.portico.plugins.attachments.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.records.RecordChanges;
import io.portico.api.records.RecordState;
import io.portico.plugins.attachments.internal.AttachmentSource.AttachedFile;
import io.portico.plugins.attachments.internal.AttachmentSource.FileContent;
import io.portico.plugins.attachments.internal.AttachmentSource.FileInfo;
import io.portico.plugins.attachments.internal.AttachmentStore.DueRecord;
import io.portico.plugins.attachments.internal.AttachmentStore.Stored;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One attachments run: looks up the files attached to the synced records that are due (never looked up, changed
 * since, or not looked up for a while), stores new and changed files with their content type, size and SHA-256,
 * and drops files no longer attached. A file over the size limit, or one NetSuite fails to send, is an error of that
 * file alone (kept as a row saying why) and the run goes on; only when NetSuite cannot list attachments at all does
 * the run stop, leaving the rest for the next one.
 */
final class AttachmentSync {

    /** Errors kept in an outcome (all are counted). */
    static final int MAX_ERRORS = 100;

    /**
     * @param recordTypes the record types (plugin names) whose records' attachments are synced
     * @param maxBytes the largest file stored
     * @param rescanAfter how long after its last look-up an unchanged record is looked up again
     * @param maxRecordsPerRun records looked up per run at most
     */
    record Settings(List<String> recordTypes, long maxBytes, Duration rescanAfter, int maxRecordsPerRun) {
    }

    /** What a run did. {@code stopped} says why it stopped early, or is null. */
    record Outcome(int records, int stored, int unchanged, int removed, int tooLarge, int failed, List<String> errors,
            String stopped) {

        String summary() {
            return records + " records looked up, " + stored + " files stored, " + unchanged + " unchanged, "
                    + removed + " removed, " + tooLarge + " too large, " + failed + " failed"
                    + (stopped == null ? "" : "; stopped: " + stopped);
        }
    }

    /**
     * How far before its cursor a record type's sync order is read again. A sync page's records carry the time its
     * transaction started, so a page committed after a later-started one appears behind a cursor already past it;
     * sync page transactions last seconds, and records read again that were looked up since are skipped.
     */
    static final Duration LATE_COMMITS = Duration.ofMinutes(10);

    /** Records of the platform asked about at once when following them. */
    static final int FOLLOW_BATCH = 500;

    private final AttachmentStore store;
    private final RecordChanges records;
    private final AttachmentSource source;
    private final Clock clock;

    AttachmentSync(AttachmentStore store, RecordChanges records, AttachmentSource source, Clock clock) {
        this.store = store;
        this.records = records;
        this.source = source;
        this.clock = clock;
    }

    /**
     * Follows the records' owners, numbers and archival, then looks up the records synced since the last run (new or
     * changed), then those not looked up for {@code rescanAfter}, at most {@code maxRecordsPerRun} in all.
     */
    Outcome run(Settings settings) {
        Instant started = clock.instant();
        DataScope tenant = new DataScope(store.tenantId(), null);
        follow(tenant);
        Counts counts = new Counts();
        String stopped = null;
        for (String type : settings.recordTypes()) {
            stopped = lookUpSynced(tenant, type, started, settings, counts);
            if (stopped != null) {
                break;
            }
        }
        for (int i = 0; stopped == null && i < settings.recordTypes().size(); i++) {
            stopped = lookUpAgain(tenant, settings.recordTypes().get(i), started, settings, counts);
        }
        return new Outcome(counts.records, counts.stored, counts.unchanged, counts.removed, counts.tooLarge,
                counts.failed, List.copyOf(counts.errors), stopped);
    }

    /** Keeps every stored attachment's owner, record number and archival in step with its record. */
    private void follow(DataScope tenant) {
        AttachmentMapper.AttachedRecord after = null;
        List<AttachmentMapper.AttachedRecord> page;
        do {
            page = store.attachedRecords(after, FOLLOW_BATCH);
            Map<String, List<Long>> byType = new LinkedHashMap<>();
            page.forEach(r -> byType.computeIfAbsent(r.recordType(), t -> new ArrayList<>()).add(r.netsuiteId()));
            byType.forEach((type, ids) -> store.follow(type, ids, records.current(tenant, type, ids)));
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == FOLLOW_BATCH);
    }

    /**
     * Looks up the records of a type synced since its cursor (less {@link #LATE_COMMITS}) that were not looked up
     * since, in batches, moving the cursor past each batch looked up.
     *
     * @return why the run stops, or null
     */
    private String lookUpSynced(DataScope tenant, String type, Instant started, Settings settings, Counts counts) {
        RecordState.Point cursor = store.cursor(type);
        RecordState.Point from = cursor == null ? null
                : new RecordState.Point(cursor.syncedAt().minus(LATE_COMMITS), Long.MIN_VALUE);
        List<RecordState> page;
        do {
            page = records.syncedAfter(tenant, type, from, RecordChanges.MAX_IDS);
            Map<Long, Instant> scanned = store.scannedAt(type, page.stream().map(RecordState::netsuiteId).toList());
            List<DueRecord> batch = new ArrayList<>();
            for (RecordState r : page) {
                Instant at = scanned.get(r.netsuiteId());
                if (at == null || at.isBefore(r.syncedAt())) {
                    if (counts.records + batch.size() == settings.maxRecordsPerRun()) {
                        return lookUpThrough(type, batch, from, started, settings, counts);
                    }
                    batch.add(DueRecord.of(r));
                }
                from = r.point();
                if (batch.size() == AttachmentSource.MAX_IDS) {
                    String stopped = lookUpThrough(type, batch, from, started, settings, counts);
                    if (stopped != null) {
                        return stopped;
                    }
                    batch = new ArrayList<>();
                }
            }
            String stopped = lookUpThrough(type, batch, from, started, settings, counts);
            if (stopped != null) {
                return stopped;
            }
        } while (page.size() == RecordChanges.MAX_IDS);
        return null;
    }

    /** Looks up a batch, then moves the type's cursor to {@code through} (when there is one). */
    private String lookUpThrough(String type, List<DueRecord> batch, RecordState.Point through, Instant started,
            Settings settings, Counts counts) {
        String stopped = lookUp(type, batch, started, settings, counts);
        if (stopped == null && through != null) {
            store.advanceCursor(type, through);
        }
        return stopped;
    }

    /**
     * Looks up again the records of a type last looked up before {@code rescanAfter}, forgetting those that are gone
     * or archived.
     *
     * @return why the run stops, or null
     */
    private String lookUpAgain(DataScope tenant, String type, Instant started, Settings settings, Counts counts) {
        Instant before = started.minus(settings.rescanAfter());
        while (counts.records < settings.maxRecordsPerRun()) {
            List<Long> ids = store.scannedBefore(type, before,
                    Math.min(AttachmentSource.MAX_IDS, settings.maxRecordsPerRun() - counts.records));
            if (ids.isEmpty()) {
                return null;
            }
            List<DueRecord> live = records.current(tenant, type, ids).stream().filter(r -> !r.archived())
                    .map(DueRecord::of).toList();
            Set<Long> liveIds = live.stream().map(DueRecord::netsuiteId).collect(Collectors.toSet());
            store.forgetScans(type, ids.stream().filter(id -> !liveIds.contains(id)).toList());
            String stopped = lookUp(type, live, started, settings, counts);
            if (stopped != null) {
                return stopped;
            }
        }
        return null;
    }

    /**
     * Looks up a batch of a type's records (at most {@link AttachmentSource#MAX_IDS}) and notes them looked up.
     *
     * @return why the run stops (NetSuite could not list the attachments), or null
     */
    private String lookUp(String type, List<DueRecord> batch, Instant started, Settings settings,
            Counts counts) {
        if (batch.isEmpty()) {
            return null;
        }
        Listed listed;
        try {
            listed = list(type, batch);
        } catch (RuntimeException e) {
            return "NetSuite could not list the attachments of " + type + " records: " + e.getMessage();
        }
        syncBatch(type, batch, listed, settings, counts);
        store.scanned(batch, started);
        counts.records += batch.size();
        return null;
    }

    /** NetSuite's files of a batch of records, by record and file, and what NetSuite says about each file. */
    private record Listed(Map<Long, Map<Long, AttachedFile>> files, Map<Long, FileInfo> infos) {
    }

    private Listed list(String recordType, List<DueRecord> batch) {
        Set<Long> ids = new LinkedHashSet<>(batch.stream().map(DueRecord::netsuiteId).toList());
        Map<Long, Map<Long, AttachedFile>> files = new LinkedHashMap<>();
        Set<Long> fileIds = new LinkedHashSet<>();
        for (AttachedFile f : source.attachments(recordType, new ArrayList<>(ids))) {
            if (ids.contains(f.recordId())) {
                files.computeIfAbsent(f.recordId(), k -> new LinkedHashMap<>()).putIfAbsent(f.fileId(), f);
                fileIds.add(f.fileId());
            }
        }
        return new Listed(files, fileIds.isEmpty() ? Map.of() : source.describe(new ArrayList<>(fileIds)));
    }

    private void syncBatch(String recordType, List<DueRecord> batch, Listed listed, Settings settings,
            Counts counts) {
        Map<Long, Map<Long, Stored>> existing = store.existing(recordType,
                batch.stream().map(DueRecord::netsuiteId).toList());
        Map<Long, FileInfo> infos = listed.infos();
        for (DueRecord record : batch) {
            Map<Long, AttachedFile> files = listed.files().getOrDefault(record.netsuiteId(), Map.of());
            Map<Long, Stored> before = existing.getOrDefault(record.netsuiteId(), Map.of());
            for (AttachedFile file : files.values()) {
                syncFile(record, file, infos.get(file.fileId()), before.get(file.fileId()), settings, counts);
            }
            counts.removed += store.removeExcept(record, files.keySet());
        }
    }

    private void syncFile(DueRecord record, AttachedFile file, FileInfo info, Stored before, Settings settings,
            Counts counts) {
        String lastModified = info == null ? null : info.lastModified();
        if (before != null && "stored".equals(before.status()) && lastModified != null
                && lastModified.equals(before.lastModified())) {
            counts.unchanged++;
            return;
        }
        String contentType = ContentTypes.of(file.fileType(), file.name());
        Long size = info == null ? null : info.size();
        if (size != null && size > settings.maxBytes()) {
            tooLarge(record, file, info, contentType, size, settings, counts);
            return;
        }
        FileContent content;
        try {
            content = source.read(file.fileId());
        } catch (RuntimeException e) {
            String error = "NetSuite did not send the file: " + e.getMessage();
            store.refuse(record, file, info, contentType, size, "failed", error);
            counts.error(record, file, error);
            counts.failed++;
            return;
        }
        byte[] bytes = content.bytes();
        if (bytes.length > settings.maxBytes()) {
            tooLarge(record, file, info, contentType, (long) bytes.length, settings, counts);
            return;
        }
        store.store(record, file, info, contentType, bytes, sha256(bytes));
        counts.stored++;
    }

    private void tooLarge(DueRecord record, AttachedFile file, FileInfo info, String contentType, long size,
            Settings settings, Counts counts) {
        String error = "the file is " + size + " bytes, more than the limit of " + settings.maxBytes()
                + " bytes (maxBytes of io.portico.attachments)";
        store.refuse(record, file, info, contentType, size, "too-large", error);
        counts.error(record, file, error);
        counts.tooLarge++;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counts {
        int records;
        int stored;
        int unchanged;
        int removed;
        int tooLarge;
        int failed;
        final List<String> errors = new ArrayList<>();

        void error(DueRecord record, AttachedFile file, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(record.recordType() + " " + record.netsuiteId() + ", file " + file.fileId() + " '"
                        + file.name() + "': " + message);
            }
        }
    }
}
