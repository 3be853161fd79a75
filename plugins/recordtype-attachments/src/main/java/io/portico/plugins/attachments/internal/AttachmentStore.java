package io.portico.plugins.attachments.internal;

import io.portico.api.db.Database;
import io.portico.api.db.PluginSchema;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import io.portico.api.records.RecordState;
import io.portico.plugins.attachments.internal.AttachmentSource.AttachedFile;
import io.portico.plugins.attachments.internal.AttachmentSource.FileInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Attachments in PostgreSQL: what the sync stores, and what portal users may read. Every read is scoped by
 * {@link DataScope} in SQL: a customer's user reaches only rows of their organization, operator staff the tenant's.
 * The tables are this plugin's own schema ({@code db/plugin/attachments}), so the store starts only once the
 * platform has migrated it, and every component that reads or writes attachments goes through this one.
 */
@Component(service = AttachmentStore.class)
public final class AttachmentStore {

    /**
     * A synced record whose attachments are due to be looked up.
     *
     * @param number what the documents search finds it by: its number, else its name
     */
    public record DueRecord(String recordType, long netsuiteId, Long organizationId, String number) {

        static DueRecord of(RecordState record) {
            return new DueRecord(record.recordType(), record.netsuiteId(), record.organizationId(),
                    numberOf(record));
        }
    }

    /** A record's number as the documents page shows and searches it: its number, else (an entity's) its name. */
    static String numberOf(RecordState record) {
        return record.number() != null ? record.number() : record.name();
    }

    /** What is stored of one attached file. */
    public record Stored(long id, long fileId, String status, String lastModified) {
    }

    /** One attachment as the portal lists it. */
    public record Attachment(long id, String recordType, long recordNetsuiteId, long fileNetsuiteId, String name,
            String contentType, Long size, String sha256, String status, String error, Instant syncedAt) {

        boolean downloadable() {
            return "stored".equals(status);
        }
    }

    /** This plugin's schema, as its manifest names it ({@code Portico-Migrations}). */
    static final String SCHEMA = "attachments";

    private final SqlSessionFactory sessions;
    private final LongSupplier operator;
    private volatile Long tenantId;

    @Activate
    public AttachmentStore(@Reference Database database, @Reference Organizations organizations,
            @Reference(target = "(" + PluginSchema.NAME_PROPERTY + "=" + SCHEMA + ")") PluginSchema schema) {
        this(database.sessionFactory(AttachmentMapper.class), () -> organizations.operator().id());
    }

    /** @param operator the operator organization's id, asked once */
    AttachmentStore(SqlSessionFactory sessions, LongSupplier operator) {
        this.sessions = sessions;
        this.operator = operator;
    }

    /** The operator organization, the tenant of every row. */
    long tenantId() {
        Long t = tenantId;
        if (t == null) {
            t = operator.getAsLong();
            tenantId = t;
        }
        return t;
    }

    // ------------------------------------------------------------------ sync side

    /** Where the look-ups of a record type got to in its sync order, or {@code null} before the first. */
    RecordState.Point cursor(String recordType) {
        long tenant = tenantId();
        return call(m -> m.cursor(tenant, recordType));
    }

    /** Moves a record type's cursor forward to {@code to} (never back). */
    void advanceCursor(String recordType, RecordState.Point to) {
        long tenant = tenantId();
        write(m -> m.advanceCursor(tenant, recordType, to));
    }

    /** When the records' attachments were last looked up, for those looked up before. */
    Map<Long, Instant> scannedAt(String recordType, List<Long> recordIds) {
        long tenant = tenantId();
        Map<Long, Instant> out = new HashMap<>();
        call(m -> m.scans(tenant, recordType, recordIds)).forEach(s -> out.put(s.recordNetsuiteId(), s.scannedAt()));
        return out;
    }

    /** Records of a type whose attachments were last looked up before {@code before}, oldest look-up first. */
    List<Long> scannedBefore(String recordType, Instant before, int limit) {
        long tenant = tenantId();
        return call(m -> m.scannedBefore(tenant, recordType, before, limit));
    }

    /** Forgets the look-ups of records that are gone or archived (if they come back, they are synced anew). */
    void forgetScans(String recordType, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        long tenant = tenantId();
        write(m -> m.forgetScans(tenant, recordType, recordIds));
    }

    /** What is stored of the records' attachments: record id to file id to row. */
    Map<Long, Map<Long, Stored>> existing(String recordType, List<Long> recordIds) {
        long tenant = tenantId();
        Map<Long, Map<Long, Stored>> out = new HashMap<>();
        for (AttachmentMapper.StoredFile f : call(m -> m.existing(tenant, recordType, recordIds))) {
            out.computeIfAbsent(f.recordNetsuiteId(), k -> new HashMap<>()).put(f.fileId(),
                    new Stored(f.id(), f.fileId(), f.status(), f.lastModified()));
        }
        return out;
    }

    /** Stores a file's content and metadata (replacing what was stored of it). */
    void store(DueRecord record, AttachedFile file, FileInfo info, String contentType, byte[] bytes, String sha256) {
        write(m -> m.storeContent(m.upsert(row(record, file, info, contentType, (long) bytes.length, sha256, "stored",
                null)), bytes));
    }

    /** Records a file that is not stored ({@code too-large} or {@code failed}), with why; drops any old content. */
    void refuse(DueRecord record, AttachedFile file, FileInfo info, String contentType, Long size, String status,
            String error) {
        write(m -> m.dropContent(m.upsert(row(record, file, info, contentType, size, null, status, error))));
    }

    private AttachmentMapper.FileRow row(DueRecord record, AttachedFile file, FileInfo info, String contentType,
            Long size, String sha256, String status, String error) {
        return new AttachmentMapper.FileRow(tenantId(), record.organizationId(), record.recordType(),
                record.netsuiteId(), file.fileId(), clip(file.name(), 500), contentType, clip(file.fileType(), 100),
                size, sha256, info == null ? null : info.lastModified(), status, clip(error, 2000), record.number());
    }

    /** Deletes the record's attachments other than the given files; returns how many. */
    int removeExcept(DueRecord record, Set<Long> fileIds) {
        long tenant = tenantId();
        return call(m -> m.removeExcept(tenant, record.recordType(), record.netsuiteId(), List.copyOf(fileIds)));
    }

    /** Notes that the records' attachments were looked up at {@code at}. */
    void scanned(List<DueRecord> records, Instant at) {
        if (records.isEmpty()) {
            return;
        }
        long tenant = tenantId();
        write(m -> m.scanned(tenant, records, at));
    }

    /** The records with attachments after {@code after} (null: from the first), in (type, id) order. */
    List<AttachmentMapper.AttachedRecord> attachedRecords(AttachmentMapper.AttachedRecord after, int limit) {
        long tenant = tenantId();
        return call(m -> m.attachedRecords(tenant, after, limit));
    }

    /**
     * Keeps the attachments of a type's records in step with the records: the owning organization (a record synced
     * before its customer is adopted later), the number, and archived while the record is archived or gone.
     *
     * @param recordIds the records, each either in {@code now} or gone
     * @param now the records' current state, as {@code RecordChanges.current} tells it
     * @return attachments changed
     */
    int follow(String recordType, List<Long> recordIds, List<RecordState> now) {
        Map<Long, RecordState> byId = new HashMap<>();
        now.forEach(r -> byId.put(r.netsuiteId(), r));
        List<AttachmentMapper.Followed> followed = recordIds.stream().map(id -> {
            RecordState r = byId.get(id);
            return r == null ? new AttachmentMapper.Followed(id, false, false, null, null)
                    : new AttachmentMapper.Followed(id, true, !r.archived(), r.organizationId(), numberOf(r));
        }).toList();
        if (followed.isEmpty()) {
            return 0;
        }
        long tenant = tenantId();
        return call(m -> m.follow(tenant, recordType, followed));
    }

    // ------------------------------------------------------------------ portal side

    /** The attachments of one record the scope reaches, by name. */
    List<Attachment> list(DataScope scope, String recordType, long recordNetsuiteId) {
        return call(m -> m.list(scope, recordType, recordNetsuiteId));
    }

    /** What the documents page asks for; {@code null} filters are left out. */
    public record Search(String text, List<String> recordTypes, LocalDate from, LocalDate to, int offset, int limit) {
    }

    /** An attachment with the number of the record it is attached to. */
    public record Found(Attachment attachment, String recordNumber) {
    }

    /**
     * The attachments the scope reaches of the given record types, newest first, whose name or record number contains
     * the search text, stored within the dates; one more than {@code limit} tells there is a next page.
     */
    List<Found> search(DataScope scope, Search search) {
        if (search.recordTypes().isEmpty()) {
            return List.of();
        }
        String pattern = search.text() == null ? null : "%" + search.text().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return call(m -> m.search(scope, search, pattern));
    }

    /** One attachment, if the scope reaches it. */
    Optional<Attachment> find(DataScope scope, long id) {
        return Optional.ofNullable(call(m -> m.find(scope, id)));
    }

    /** An attachment's bytes, if the scope reaches it and they are stored. */
    Optional<byte[]> content(DataScope scope, long id) {
        return call(m -> m.content(scope, id)).stream().findFirst();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Runs {@code work}, which returns nothing, in one transaction. */
    private void write(Consumer<AttachmentMapper> work) {
        call(m -> {
            work.accept(m);
            return null;
        });
    }

    /** Runs {@code work} in one transaction. */
    private <T> T call(Function<AttachmentMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(AttachmentMapper.class));
            session.commit(true);
            return result;
        }
    }
}
