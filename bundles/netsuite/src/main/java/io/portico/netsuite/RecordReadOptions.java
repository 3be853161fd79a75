package io.portico.netsuite;

import java.util.List;

/**
 * How much of a record {@link NetSuiteClient#getRecord} returns.
 *
 * @param expandSubResources whether sublists and subrecords come inline instead of as links
 * @param fields the body fields to return; empty for all
 */
public record RecordReadOptions(boolean expandSubResources, List<String> fields) {

    public RecordReadOptions {
        fields = List.copyOf(fields);
    }

    /** Body fields only, sublists as links: NetSuite's default. */
    public static RecordReadOptions bodyOnly() {
        return new RecordReadOptions(false, List.of());
    }

    /** The whole record with its sublists and subrecords. */
    public static RecordReadOptions expanded() {
        return new RecordReadOptions(true, List.of());
    }

    /** Only the named body fields. */
    public static RecordReadOptions fields(String... fields) {
        return new RecordReadOptions(false, List.of(fields));
    }
}
