package io.portico.api.recordtype;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A NetSuite record as Portico stores it: the typed fields the portal lists, filters, sorts and sums, the rest as
 * JSON attributes, and its lines in named lists (a credit memo's {@value LineQuery#ITEMS} and its
 * {@code applications}; a line's id is unique within its list). Transactions go to Portico's transaction tables,
 * entities and custom records to its entity table; both have a column for each typed field. Money is exact
 * ({@link BigDecimal}) and in {@link #currency()}; lines are in the header's currency.
 *
 * <p>{@link Builder#build()} checks the limits below and throws {@link RecordMappingException} when one is exceeded,
 * so that an oversized or malformed value fails its own record only. Text is stored verbatim (HTML or script in a memo
 * stays text; the portal escapes what it shows). Instances are immutable.
 */
public final class SyncedRecord {

    /** Longest {@link #number()}, {@link #status()}. */
    public static final int MAX_CODE_CHARS = 200;
    /** Longest {@link #name()}, {@link #email()}. */
    public static final int MAX_NAME_CHARS = 1000;
    /** Longest text value of an attribute or a line field. */
    public static final int MAX_ATTRIBUTE_CHARS = 65_536;
    /** Largest attributes of one record (or line), in characters of JSON. */
    public static final int MAX_ATTRIBUTES_CHARS = 262_144;
    /** Most lines of one record, all its line lists together. */
    public static final int MAX_LINES = 10_000;
    /** Most decimals of a number; numbers must also be below 10^15 in magnitude. */
    public static final int MAX_SCALE = 10;

    private final long netsuiteId;
    private final String owner;
    private final String number;
    private final String name;
    private final String email;
    private final LocalDate date;
    private final LocalDate dueDate;
    private final String status;
    private final BigDecimal total;
    private final BigDecimal amountRemaining;
    private final String currency;
    private final Map<String, Object> attributes;
    private final Map<String, List<SyncedLine>> lineLists;

    private SyncedRecord(Builder b) {
        netsuiteId = b.netsuiteId;
        owner = Values.text("owner", b.owner, 64);
        number = Values.text("number", b.number, MAX_CODE_CHARS);
        name = Values.text("name", b.name, MAX_NAME_CHARS);
        email = Values.text("email", b.email, MAX_NAME_CHARS);
        date = Values.date("date", b.date);
        dueDate = Values.date("dueDate", b.dueDate);
        status = Values.text("status", b.status, MAX_CODE_CHARS);
        total = Values.number("total", b.total);
        amountRemaining = Values.number("amountRemaining", b.amountRemaining);
        currency = Values.currency(b.currency);
        attributes = attributes(b.attributes);
        int count = 0;
        Map<String, List<SyncedLine>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, List<SyncedLine>> list : b.lineLists.entrySet()) {
            count += list.getValue().size();
            Set<Long> lineIds = new HashSet<>();
            for (SyncedLine line : list.getValue()) {
                if (!lineIds.add(line.lineId())) {
                    throw new RecordMappingException("line " + line.lineId() + " appears twice in the line list '"
                            + list.getKey() + "'");
                }
            }
            lists.put(list.getKey(), List.copyOf(list.getValue()));
        }
        if (count > MAX_LINES) {
            throw new RecordMappingException("the record has " + count + " lines, more than " + MAX_LINES);
        }
        lineLists = Collections.unmodifiableMap(lists);
    }

    static Map<String, Object> attributes(Map<String, Object> raw) {
        int[] budget = {MAX_ATTRIBUTES_CHARS};
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object value = Values.attribute(e.getKey(), e.getValue(), budget);
            if (value != null) {
                copy.put(e.getKey(), value);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    /** @param netsuiteId the record's NetSuite internal id */
    public static Builder builder(long netsuiteId) {
        return new Builder(netsuiteId);
    }

    public long netsuiteId() {
        return netsuiteId;
    }

    /**
     * The NetSuite internal id of the customer whose organization owns the record (an invoice's {@code entity}, a
     * contact's {@code company}, a customer itself), or null for records only the operator's staff see.
     */
    public String owner() {
        return owner;
    }

    /** The document number or entity id, e.g. {@code INV1001}, {@code C10000}. */
    public String number() {
        return number;
    }

    /** A display name (entities, custom records), or null. */
    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    /** The transaction date (or the record's main date). */
    public LocalDate date() {
        return date;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    /** A short, stable status code the portal filters on, e.g. {@code open}, {@code paid}. */
    public String status() {
        return status;
    }

    /** The total, in {@link #currency()}. */
    public BigDecimal total() {
        return total;
    }

    /** What is still owed: an invoice's amount remaining, a customer's balance. */
    public BigDecimal amountRemaining() {
        return amountRemaining;
    }

    /** The ISO 4217 currency code, e.g. {@code USD}. */
    public String currency() {
        return currency;
    }

    /** Everything else, JSON-compatible: text, numbers ({@link BigDecimal} or {@link Long}), booleans, lists, maps. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The line lists that have lines, by name, in the order their first lines were added. */
    public Map<String, List<SyncedLine>> lineLists() {
        return lineLists;
    }

    /** The lines of the named list, in order; empty when it has none. */
    public List<SyncedLine> lines(String listName) {
        return lineLists.getOrDefault(listName, List.of());
    }

    /**
     * The {@value LineQuery#ITEMS} lines.
     *
     * @deprecated since 1.1, a record may have several line lists: use {@link #lineLists()} or {@link #lines(String)}
     */
    @Deprecated
    public List<SyncedLine> lines() {
        return lines(LineQuery.ITEMS);
    }

    @Override
    public String toString() {
        StringBuilder lines = new StringBuilder();
        lineLists.forEach((name, list) -> lines.append(", ").append(list.size()).append(' ').append(name));
        return "SyncedRecord[" + netsuiteId + " " + number + ", owner " + owner + ", " + status + ", " + total + " "
                + currency + lines + "]";
    }

    public static final class Builder {
        private final long netsuiteId;
        private String owner;
        private String number;
        private String name;
        private String email;
        private LocalDate date;
        private LocalDate dueDate;
        private String status;
        private BigDecimal total;
        private BigDecimal amountRemaining;
        private String currency;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final Map<String, List<SyncedLine>> lineLists = new LinkedHashMap<>();

        private Builder(long netsuiteId) {
            this.netsuiteId = netsuiteId;
        }

        public Builder owner(String customerNetsuiteId) {
            this.owner = customerNetsuiteId;
            return this;
        }

        public Builder number(String number) {
            this.number = number;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder dueDate(LocalDate dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder total(BigDecimal total) {
            this.total = total;
            return this;
        }

        public Builder amountRemaining(BigDecimal amountRemaining) {
            this.amountRemaining = amountRemaining;
            return this;
        }

        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** Sets an attribute; a null value leaves it out. */
        public Builder attribute(String key, Object value) {
            attributes.put(Values.key(key), value);
            return this;
        }

        /**
         * Copies every column of {@code row} that has a value, as text, into the attributes under its column name,
         * except the named columns and the engine's own ({@link SyncQuery#ID}, {@link SyncQuery#LAST_MODIFIED},
         * {@link LineQuery#PARENT_ID}, {@link LineQuery#LINE_ID}, {@link LineQuery#LIST}). Attributes already set are
         * kept.
         */
        public Builder attributesFrom(SourceRow row, String... except) {
            Set<String> skip = new HashSet<>(Set.of(SyncQuery.ID, SyncQuery.LAST_MODIFIED, LineQuery.PARENT_ID,
                    LineQuery.LINE_ID, LineQuery.LIST));
            for (String e : except) {
                skip.add(e.toLowerCase(Locale.ROOT));
            }
            for (String column : row.columns()) {
                if (!skip.contains(column.toLowerCase(Locale.ROOT))) {
                    attributes.putIfAbsent(Values.key(column), row.getString(column));
                }
            }
            return this;
        }

        /** Adds a line to the {@value LineQuery#ITEMS} list. */
        public Builder line(SyncedLine line) {
            return line(LineQuery.ITEMS, line);
        }

        /**
         * Adds a line to the named list, e.g. {@code applications}.
         *
         * @throws IllegalArgumentException unless the name is a line list's name (see {@link LineQuery.Builder#name})
         */
        public Builder line(String listName, SyncedLine line) {
            lineLists.computeIfAbsent(LineQuery.listName(listName), n -> new ArrayList<>())
                    .add(Objects.requireNonNull(line, "line"));
            return this;
        }

        /** @throws RecordMappingException when a value breaks the limits of {@link SyncedRecord} */
        public SyncedRecord build() {
            return new SyncedRecord(this);
        }
    }
}
