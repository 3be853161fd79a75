package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.plugin.testing.TestRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping, checked against rows shaped like NetSuite's SuiteQL answers (no sync engine, sandbox or database). */
class ${className}Test {

    private final ${className} type = new ${className}();

    /** One record as SuiteQL answers the record type's query. */
    private static TestRow record() {
        return TestRow.of("id", "7", "lastmodified", "2026-01-10 12:00:00", "name", "Record 7", "isinactive", "F",
                "customer", "1001");
    }

    @Test
    void mapsARecordToItsCustomersOrganization() {
        SyncedRecord r = type.map(record(), List.of());

        assertEquals(7L, r.netsuiteId());
        assertEquals("1001", r.owner());
        assertEquals("Record 7", r.name());
        assertEquals("active", r.status());
    }

    @Test
    void anInactiveRecordIsInactive() {
        assertEquals("inactive", type.map(record().with("isinactive", "T"), List.of()).status());
    }

    @Test
    void columnsTheMappingDoesNotReadAreKeptAsAttributes() {
        SyncedRecord r = type.map(record().with("custrecord_note", "Call before noon"), List.of());
        assertEquals("Call before noon", r.attributes().get("custrecord_note"));
    }

    @Test
    void aRecordWithoutACustomerFailsWithAClearMessage() {
        RecordMappingException e = assertThrows(RecordMappingException.class,
                () -> type.map(record().with("customer", null), List.of()));
        assertEquals("'customer' is missing", e.getMessage());
    }

    @Test
    void queriesTheCustomRecordTable() {
        SyncQuery query = type.query();
        assertEquals("${recordType}", query.table());
        assertTrue(query.columns().contains("r.${customerField} AS customer"), query.columns().toString());
        RecordTypeDescriptor d = type.descriptor();
        assertEquals(RecordCategory.CUSTOM, d.category());
        assertEquals("${label}", d.label());
        assertEquals(List.of(RecordFields.NAME, RecordFields.STATUS, RecordFields.LAST_MODIFIED),
                d.listColumns().stream().map(FieldDescriptor::key).toList());
    }
}
