package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.SyncQuery;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {

    private final SyncQuery invoices = new InvoiceRecordType().query();

    @Test
    void headerPagesAreKeysetSlicesWithTheFilters() {
        List<String> conditions = new ArrayList<>(Queries.base(invoices, List.of(1L, 3L), "t.memo IS NOT NULL"));
        conditions.add(Queries.changedSince(invoices, "2026-01-15 10:00:00"));
        String sql = Queries.headers(invoices, conditions, 100, 500, 250).firstPage();
        assertTrue(sql.startsWith("SELECT t.id AS id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS "
                + "lastmodified, t.tranid,"), sql);
        assertTrue(sql.contains("FROM transaction t LEFT JOIN currency cur ON cur.id = t.currency WHERE "
                + "(t.type = 'CustInvc') AND t.subsidiary IN (1, 3) AND (t.memo IS NOT NULL) AND "
                + "t.lastmodifieddate >= TO_TIMESTAMP('2026-01-15 10:00:00', 'YYYY-MM-DD HH24:MI:SS') AND "
                + "t.id > 100 AND t.id <= 500 ORDER BY t.id"), sql);
    }

    @Test
    void linesArePagedByHeaderAndLine() {
        String sql = Queries.lines(invoices.lines(LineQuery.ITEMS), List.of(7L, 9L), 1000).firstPage();
        assertTrue(sql.startsWith("SELECT tl.transaction AS parentid, tl.id AS lineid, 'items' AS linelist, tl.item,"),
                sql);
        assertTrue(sql.endsWith("WHERE (tl.mainline = 'F' AND tl.taxline = 'F') AND tl.transaction IN (7, 9) AND "
                + "tl.transaction >= -9223372036854775808 AND (tl.transaction > -9223372036854775808 OR "
                + "tl.id > -9223372036854775808) ORDER BY tl.transaction, tl.id"), sql);
    }

    @Test
    void windowsAndDeletions() {
        assertEquals("t.trandate >= TO_DATE('2025-01-15', 'YYYY-MM-DD')", Queries.recent(invoices, "2025-01-15"));
        assertEquals("(t.trandate < TO_DATE('2025-01-15', 'YYYY-MM-DD') OR t.trandate IS NULL)",
                Queries.history(invoices, "2025-01-15"));
        String deletions = Queries.deletions("invoice", "2026-01-15 10:00:00", 0, 1000).firstPage();
        assertTrue(deletions.contains("d.type = 'invoice' AND d.deleteddate >= TO_TIMESTAMP('2026-01-15 10:00:00'"),
                deletions);
        assertThrows(IllegalArgumentException.class, () -> Queries.recent(invoices, "2025-01-15' OR 1=1"));
        assertThrows(IllegalArgumentException.class, () -> Queries.changedSince(invoices, "yesterday"));
        assertEquals("2026-01-15 09:50:00", RunPlanner.minusSeconds("2026-01-15 10:00:00", 600));
    }

    @Test
    void customConditionsStayOneTerm() {
        assertEquals("t.custbody_portal = 'T'", Queries.checkCondition(" t.custbody_portal = 'T' "));
        assertEquals("t.memo = 'a;b -- c'", Queries.checkCondition("t.memo = 'a;b -- c'"), "inside quotes is fine");
        for (String bad : List.of("1 = 1; DROP TABLE x", "1 = 1 -- ", "1 = 1 /* x */", "(1 = 1", "1 = 1)",
                "t.memo = 'open", "x".repeat(2001))) {
            assertThrows(IllegalArgumentException.class, () -> Queries.checkCondition(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Queries.base(SyncQuery.builder("customrecord_x", "r")
                .build(), List.of(1L), null), "no subsidiary column");
    }
}
