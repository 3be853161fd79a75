package io.portico.netsuite.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.KeysetKey;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** SuiteQL: streamed pages, typed values, and keyset paging past the offset cap. */
class SuiteQlContractTest {

    private static final String INVOICES = "SELECT id, tranid, trandate, foreigntotal, lastmodifieddate, posting "
            + "FROM transaction WHERE type = 'CustInvc' ORDER BY id";

    @Test
    void queriesAreStreamedOverSeveralPagesWithTypedValues() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            List<SuiteQlRow> rows = new ArrayList<>();
            long count = client.suiteQl(INVOICES, 50, rows::add);

            assertEquals(sandbox.data().invoiceCount(), count);
            assertEquals(count, rows.size());
            assertEquals(5, client.metrics().requests(), "240 rows in pages of 50");
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(sandbox.data().invoiceId(i), rows.get(i).getLong("id"));
                assertNotNull(rows.get(i).getDateTime("lastmodifieddate"));
                assertEquals(Boolean.TRUE, rows.get(i).getBoolean("posting"));
            }

            SuiteQlRow first = rows.get(0);
            ObjectNode record = client.getRecord("invoice", first.getString("id"), RecordReadOptions.bodyOnly());
            assertEquals(record.get("tranId").asText(), first.getString("tranid"));
            assertEquals(LocalDate.parse(record.get("tranDate").asText()), first.getDate("trandate"));
            assertEquals(0, record.get("total").decimalValue().compareTo(first.getDecimal("foreigntotal")));
        }
    }

    @Test
    void linesArePagedByACompositeKey() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().customers(10).invoicesPerCustomer(10).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            String select = "SELECT l.transaction, l.id, l.item, l.quantity, l.netamount FROM transactionline l "
                    + "JOIN transaction t ON t.id = l.transaction WHERE t.type = 'CustInvc' AND l.mainline = 'F'";
            List<String> byOffset = new ArrayList<>();
            client.suiteQl(select + " ORDER BY l.transaction, l.id", 1000,
                    row -> byOffset.add(row.getString("transaction") + "/" + row.getString("id")));

            List<String> byKey = new ArrayList<>();
            KeysetQuery keyset = KeysetQuery.byKey(select + " AND l.transaction >= :last_transaction AND "
                            + "(l.transaction > :last_transaction OR l.id > :last_id) ORDER BY l.transaction, l.id",
                    KeysetKey.number("transaction"), KeysetKey.number("id")).pageSize(37);
            client.suiteQl(keyset, row -> {
                byKey.add(row.getString("transaction") + "/" + row.getString("id"));
                assertTrue(row.getDecimal("netamount").compareTo(BigDecimal.ZERO) != 0);
            });

            assertTrue(byOffset.size() > sandbox.data().invoiceCount(), "several lines per invoice");
            assertEquals(byOffset, byKey);
        }
    }

    /** 101,000 invoices: offset paging stops at NetSuite's 100,000-row cap, keyset paging reads them all. */
    @Test
    void keysetPagingGoesPastTheOffsetCap() {
        try (NetSuiteSandbox sandbox = NetSuiteSandbox.builder().customers(1010).invoicesPerCustomer(100).start();
             DefaultNetSuiteClient client = SandboxClients.tba(sandbox)) {
            int invoices = sandbox.data().invoiceCount();
            assertTrue(invoices > NetSuiteClient.MAX_OFFSET_RESULTS);

            AtomicLong byOffset = new AtomicLong();
            IllegalStateException capped = assertThrows(IllegalStateException.class,
                    () -> client.suiteQl("SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id", 1000,
                            row -> byOffset.incrementAndGet()));
            assertTrue(capped.getMessage().contains("page it by key"), capped.getMessage());
            assertEquals(NetSuiteClient.MAX_OFFSET_RESULTS, byOffset.get());

            AtomicLong lastId = new AtomicLong(Long.MIN_VALUE);
            long count = client.suiteQl(KeysetQuery.byId(
                    "SELECT id FROM transaction WHERE type = 'CustInvc' AND id > :last ORDER BY id"), row -> {
                        long id = row.getLong("id");
                        assertTrue(id > lastId.get(), "ascending without repeats");
                        lastId.set(id);
                    });
            assertEquals(invoices, count);
            assertEquals(sandbox.data().invoiceId(invoices - 1), lastId.get());
        }
    }
}
