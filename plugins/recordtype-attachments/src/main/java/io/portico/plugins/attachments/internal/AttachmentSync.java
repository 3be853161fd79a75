package io.portico.plugins.attachments.internal;

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

    private final AttachmentStore store;
    private final AttachmentSource source;
    private final Clock clock;

    AttachmentSync(AttachmentStore store, AttachmentSource source, Clock clock) {
        this.store = store;
        this.source = source;
        this.clock = clock;
    }

    Outcome run(Settings settings) {
        Instant started = clock.instant();
        store.refreshOwnership();
        List<DueRecord> due = store.due(settings.recordTypes(), started.minus(settings.rescanAfter()),
                settings.maxRecordsPerRun());
        Map<String, List<DueRecord>> byType = new LinkedHashMap<>();
        for (DueRecord r : due) {
            byType.computeIfAbsent(r.recordType(), t -> new ArrayList<>()).add(r);
        }
        Counts counts = new Counts();
        String stopped = null;
        outer:
        for (Map.Entry<String, List<DueRecord>> type : byType.entrySet()) {
            List<DueRecord> records = type.getValue();
            for (int from = 0; from < records.size(); from += AttachmentSource.MAX_IDS) {
                List<DueRecord> batch = records.subList(from, Math.min(records.size(), from + AttachmentSource.MAX_IDS));
                Listed listed;
                try {
                    listed = list(type.getKey(), batch);
                } catch (RuntimeException e) {
                    stopped = "NetSuite could not list the attachments of " + type.getKey() + " records: "
                            + e.getMessage();
                    break outer;
                }
                syncBatch(type.getKey(), batch, listed, settings, counts);
                store.scanned(batch, started);
                counts.records += batch.size();
            }
        }
        return new Outcome(counts.records, counts.stored, counts.unchanged, counts.removed, counts.tooLarge,
                counts.failed, List.copyOf(counts.errors), stopped);
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
