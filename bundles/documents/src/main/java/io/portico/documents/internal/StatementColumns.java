package io.portico.documents.internal;

import io.portico.api.fieldmap.MappedFields;
import io.portico.api.recordtype.RecordFields;
import io.portico.documents.internal.StatementMapper.Entry;
import java.util.List;
import java.util.Objects;

/**
 * The statement's columns that show a field of each row's record (its date, number, due date and status), read
 * through the field mapping of the row's record type, as the record pages read them.
 * <ul>
 * <li>A cell of a field hidden for its row's record type stays empty; a mapped value reads as its display value.</li>
 * <li>A column holds rows of several record types, so it takes a mapped label only when every record type that
 * shows a value in it has the same label; otherwise it keeps its own, generic one (a column of invoices and payments
 * is not "Invoice no.").</li>
 * <li>A column whose every value is hidden is left out (the Due and Status columns: Date and Document also hold the
 * balances' dates and the documents' kinds); one with no values at all stays, as without mapping.</li>
 * </ul>
 * Amounts, balances and the aging are the statement's own sums, no record's field: never hidden or renamed.
 */
final class StatementColumns {

    private final List<Entry> entries;
    private final MappedFields fields;

    StatementColumns(List<Entry> entries, MappedFields fields) {
        this.entries = entries;
        this.fields = fields;
    }

    /** The column's label: the mapped label every record type showing a value in it agrees on, else {@code generic}. */
    String label(String key, String generic) {
        List<String> labels = entries.stream().filter(e -> value(e, key) != null && visible(e, key))
                .map(Entry::recordType).distinct().map(type -> fields.label(type, key, generic)).distinct().toList();
        return labels.size() == 1 ? labels.get(0) : generic;
    }

    /** Whether the column shows: some value in it is visible, or it has none to hide. */
    boolean shown(String key) {
        List<Entry> valued = entries.stream().filter(e -> value(e, key) != null).toList();
        return valued.isEmpty() || valued.stream().anyMatch(e -> visible(e, key));
    }

    boolean visible(Entry entry, String key) {
        return fields.visible(entry.recordType(), key);
    }

    /**
     * A text field's value as the row's reader sees it: its display value, empty when hidden or absent. A status no
     * mapper names reads as the portal's pages write it ({@code pending-approval} as "Pending approval").
     */
    String text(Entry entry, String key) {
        Object value = value(entry, key);
        if (value == null || !visible(entry, key)) {
            return "";
        }
        String raw = value.toString();
        String display = Objects.requireNonNullElse(fields.display(entry.recordType(), key, raw), "");
        return RecordFields.STATUS.equals(key) && display.equals(raw) && !raw.isEmpty()
                ? Character.toUpperCase(raw.charAt(0)) + raw.substring(1).replace('-', ' ') : display;
    }

    /** The field's label for one row's record type, {@code own} when no mapper renames it. */
    String rowLabel(Entry entry, String key, String own) {
        return fields.label(entry.recordType(), key, own);
    }

    /** The raw value of one of the statement's fields; {@code null} when the row has none. */
    static Object value(Entry entry, String key) {
        return switch (key) {
            case RecordFields.DATE -> entry.date();
            case RecordFields.NUMBER -> entry.number();
            case RecordFields.DUE_DATE -> entry.dueDate();
            case RecordFields.STATUS -> entry.status();
            default -> throw new IllegalArgumentException("not a statement field: " + key);
        };
    }

    /** The label a record type's number has on its own pages and documents ("Invoice #"). */
    static String numberLabel(String recordType) {
        return TransactionDocument.Kind.of(recordType).map(k -> k.numberLabel).orElse("Number");
    }
}
