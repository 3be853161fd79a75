package io.portico.records.internal;

import io.portico.api.db.Database;
import io.portico.api.identity.DataScope;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.TransactionRecordType;
import io.portico.api.records.Dashboard;
import io.portico.api.records.Line;
import io.portico.api.records.MoneySum;
import io.portico.api.records.Record;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordPage;
import io.portico.api.records.RecordQuery;
import io.portico.api.records.RecordReader;
import io.portico.api.records.RelatedRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link RecordReader}: MyBatis reads of the synced-record tables, each bound to the caller's scope. */
@Component(service = RecordReader.class)
public final class RecordReaderImpl implements RecordReader {

    /** Relations of {@link RelatedRecord}. */
    public static final String APPLIED_TO = "appliedTo";
    public static final String APPLIED_BY = "appliedBy";
    public static final String CREATED_FROM = "createdFrom";
    public static final String CREATED = "created";

    private static final int RECENT_ACTIVITY = 10;
    private static final int MOST_OVERDUE = 10;

    private final SqlSessionFactory sessions;
    private final Function<String, Optional<RecordTypeDescriptor>> descriptors;
    private final BiFunction<String, String, Map<String, String>> valueMaps;

    /** Reads records as the portal shows them: searched and sorted by the columns the field mappers leave. */
    @Activate
    public RecordReaderImpl(@Reference Database database, @Reference PortalRecordTypes types) {
        this(database.sessionFactory(RecordMapper.class), types::descriptor, types::valueMap);
    }

    /**
     * @param descriptors a running record type's descriptor by its name, as the field mappers make it
     * @param valueMaps a field's value map (raw to display) by record type and field key, for the search
     */
    RecordReaderImpl(SqlSessionFactory sessions, Function<String, Optional<RecordTypeDescriptor>> descriptors,
            BiFunction<String, String, Map<String, String>> valueMaps) {
        this.sessions = sessions;
        this.descriptors = descriptors;
        this.valueMaps = valueMaps;
    }

    @Override
    public RecordPage list(DataScope scope, String recordType, RecordQuery query) {
        RecordTypeDescriptor descriptor = descriptor(recordType);
        ListSql sql = sql(recordType, descriptor, query, query.offset(), query.pageSize());
        return read(mapper -> {
            List<Record> records = mapper.list(scope, sql);
            List<RecordMapper.StatusSum> byStatus = mapper.sums(scope, sql);
            List<MoneySum> sums = perCurrency(byStatus);
            long count = sums.stream().mapToLong(MoneySum::count).sum();
            List<String> statuses = byStatus.stream().map(RecordMapper.StatusSum::status).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            return new RecordPage(records, count, sums, statuses);
        });
    }

    /** The sums per currency, in the query's currency order, of the currencies with rows the filters keep. */
    private static List<MoneySum> perCurrency(List<RecordMapper.StatusSum> byStatus) {
        Map<String, MoneySum> sums = new LinkedHashMap<>();
        for (RecordMapper.StatusSum part : byStatus) {
            if (part.count() > 0) {
                sums.merge(part.currency(), new MoneySum(part.currency(), part.count(), part.total(),
                        part.amountRemaining()), (a, b) -> new MoneySum(a.currency(), a.count() + b.count(),
                                add(a.total(), b.total()), add(a.amountRemaining(), b.amountRemaining())));
            }
        }
        return List.copyOf(sums.values());
    }

    /** SQL's sum: missing values are left out, and only missing values sum to none. */
    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public void forEach(DataScope scope, String recordType, RecordQuery query, Consumer<Record> each) {
        ListSql sql = sql(recordType, descriptor(recordType), query, 0, Integer.MAX_VALUE);
        // In a transaction: only then does PostgreSQL's driver fetch by the statement's fetch size instead of
        // reading every row into memory first.
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(RecordMapper.class).stream(scope, sql, context -> each.accept(context.getResultObject()));
            session.rollback(true);
        }
    }

    @Override
    public Optional<RecordDetail> find(DataScope scope, String recordType, long netsuiteId) {
        RecordTypeDescriptor descriptor = descriptor(recordType);
        String table = Columns.table(descriptor.category());
        return read(mapper -> {
            Record record = mapper.find(scope, table, recordType, netsuiteId);
            if (record == null) {
                return Optional.empty();
            }
            Map<String, List<Line>> lines = new LinkedHashMap<>();
            List<RelatedRecord> related = new ArrayList<>();
            if ("ns_transaction".equals(table)) {
                for (Line line : mapper.lines(scope, recordType, netsuiteId)) {
                    lines.computeIfAbsent(line.list(), l -> new ArrayList<>()).add(line);
                }
                related.addAll(appliedTo(mapper, scope, lines.getOrDefault(TransactionRecordType.APPLICATIONS,
                        List.of())));
                mapper.appliedTo(scope, netsuiteId).forEach(
                        applied -> related.add(new RelatedRecord(APPLIED_BY, applied.record(), applied.amount())));
                Object createdFrom = record.attributes().get("createdFromId");
                if (createdFrom != null && createdFrom.toString().matches("\\d{1,18}")) {
                    mapper.transactions(scope, List.of(Long.parseLong(createdFrom.toString()))).forEach(
                            source -> related.add(new RelatedRecord(CREATED_FROM, source, null)));
                }
                mapper.createdFrom(scope, String.valueOf(netsuiteId)).forEach(
                        created -> related.add(new RelatedRecord(CREATED, created, null)));
            }
            return Optional.of(new RecordDetail(record, lines, related));
        });
    }

    /** The invoices a payment's or credit memo's applications name, each with the amount applied to it. */
    private static List<RelatedRecord> appliedTo(RecordMapper mapper, DataScope scope, List<Line> applications) {
        if (applications.isEmpty()) {
            return List.of();
        }
        Map<Long, Line> byInvoice = new LinkedHashMap<>();
        applications.forEach(line -> byInvoice.put(line.lineId(), line));
        List<RelatedRecord> related = new ArrayList<>();
        for (Record invoice : mapper.transactions(scope, new ArrayList<>(byInvoice.keySet()))) {
            if ("invoice".equals(invoice.recordType())) {
                related.add(new RelatedRecord(APPLIED_TO, invoice, byInvoice.get(invoice.netsuiteId()).amount()));
            }
        }
        return related;
    }

    @Override
    public Dashboard dashboard(DataScope scope, LocalDate today) {
        return read(mapper -> new Dashboard(mapper.balances(scope, today), mapper.recent(scope, RECENT_ACTIVITY),
                scope.organizationId() == null ? null : mapper.customer(scope),
                scope.organizationId() == null ? mapper.mostOverdue(scope, today, MOST_OVERDUE) : List.of()));
    }

    private RecordTypeDescriptor descriptor(String recordType) {
        return descriptors.apply(recordType)
                .orElseThrow(() -> new IllegalArgumentException("no record type " + recordType + " is running"));
    }

    /**
     * The query as SQL, sorting and searching only by the record type's own list columns, as customers read them: a
     * search finds a column's raw values whose display value (its value map) contains the text ("Approved" finds
     * status {@code A}), and a text column with a value map sorts by the display values.
     */
    private ListSql sql(String recordType, RecordTypeDescriptor descriptor, RecordQuery query, long offset,
            int limit) {
        Map<String, FieldType> columns = new LinkedHashMap<>();
        descriptor.listColumns().forEach(c -> columns.put(c.key(), c.type()));
        String sort = query.sort() == null
                ? Columns.expression(columns.containsKey(RecordFields.DATE) ? RecordFields.DATE : RecordFields.NUMBER,
                        FieldType.TEXT)
                : Columns.expression(requireSortable(descriptor, query.sort()), columns.get(query.sort()));
        Set<String> searched = new LinkedHashSet<>(List.of(Columns.expression(RecordFields.NUMBER, FieldType.TEXT),
                Columns.expression(RecordFields.NAME, FieldType.TEXT)));
        for (FieldDescriptor column : descriptor.listColumns()) {
            if (column.type() == FieldType.TEXT || column.type() == FieldType.REFERENCE) {
                searched.add(Columns.expression(column.key(), column.type()));
            }
        }
        String search = query.search() == null || query.search().isBlank() ? null
                : "%" + query.search().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ListSql.CodeMatch> codeMatches = search == null ? List.of()
                : codeMatches(recordType, descriptor, query.search().strip());
        FieldType sortType = query.sort() == null ? null : columns.get(query.sort());
        List<ListSql.CodeDisplay> sortDisplays = sortType == null || sortType == FieldType.MONEY
                || sortType == FieldType.NUMBER || sortType == FieldType.DATE ? List.of()
                : valueMaps.apply(recordType, query.sort()).entrySet().stream()
                        .map(e -> new ListSql.CodeDisplay(e.getKey(), e.getValue())).toList();
        return new ListSql(Columns.table(descriptor.category()), recordType, sort, sortDisplays,
                query.sort() == null || query.descending(), List.copyOf(searched), search, codeMatches,
                blankToNull(query.status()), query.from(), query.to(), offset, limit);
    }

    /** Per list column with a value map, the raw values whose display value contains the search, ignoring case. */
    private List<ListSql.CodeMatch> codeMatches(String recordType, RecordTypeDescriptor descriptor, String search) {
        String text = search.toLowerCase(Locale.ROOT);
        List<ListSql.CodeMatch> matches = new ArrayList<>();
        for (FieldDescriptor column : descriptor.listColumns()) {
            List<String> codes = valueMaps.apply(recordType, column.key()).entrySet().stream()
                    .filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(text)).map(Map.Entry::getKey)
                    .sorted().toList();
            if (!codes.isEmpty()) {
                matches.add(new ListSql.CodeMatch(Columns.expression(column.key(), FieldType.TEXT), codes));
            }
        }
        return matches;
    }

    /**
     * The sort key if the record type's list shows that column.
     *
     * @throws IllegalArgumentException naming the columns it can be sorted by
     */
    static String requireSortable(RecordTypeDescriptor descriptor, String sort) {
        List<String> keys = descriptor.listColumns().stream().map(FieldDescriptor::key).toList();
        if (!keys.contains(sort)) {
            throw new IllegalArgumentException("sort: the list cannot be sorted by " + sort
                    + "; it can be sorted by " + String.join(", ", keys));
        }
        return sort;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private <T> T read(Function<RecordMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(RecordMapper.class));
        }
    }
}
