package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuiteQlTest {

  private static NetSuiteSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    sandbox = NetSuiteSandbox.builder().customers(20).invoicesPerCustomer(12).start();
    client = new Client(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode rows(String sql) {
    Client.Reply r = client.suiteql(sql);
    assertEquals(200, r.status(), () -> r.json().toString());
    return r.json().get("items");
  }

  @Test
  void everyValueIsAStringAndNullsAreOmitted() {
    Client.Reply r = client.suiteql("SELECT id, tranid, foreigntotal, trandate, memo, exchangerate "
        + "FROM transaction WHERE type = 'CustInvc' ORDER BY id", 20, 0);
    assertEquals("application/vnd.oracle.resource+json; type=collection; charset=UTF-8", r.header("Content-Type"));
    JsonNode body = r.json();
    assertEquals(240, body.get("totalResults").asInt());
    assertTrue(body.get("hasMore").asBoolean());
    boolean sawMissingMemo = false;
    for (JsonNode item : body.get("items")) {
      assertTrue(item.get("links").isArray() && item.get("links").isEmpty());
      item.fields().forEachRemaining(e -> assertTrue(e.getKey().equals("links") || e.getValue().isTextual(),
          e.getKey()));
      assertTrue(item.get("trandate").asText().matches("\\d{1,2}/\\d{1,2}/\\d{4}"), item.get("trandate").asText());
      assertTrue(Set.of("1", "0.73").contains(item.get("exchangerate").asText()));
      assertTrue(new BigDecimal(item.get("foreigntotal").asText()).signum() > 0);
      sawMissingMemo |= !item.has("memo");
    }
    assertTrue(sawMissingMemo, "rows without a memo leave the column out");
  }

  @Test
  void columnNamesAreLowerCasedAliasesAndExpressionsAreNumbered() {
    JsonNode item = rows("SELECT ID AS InvoiceId, COUNT(*) FROM transaction WHERE id = "
        + sandbox.data().invoiceId(0) + " GROUP BY id").get(0);
    assertEquals(String.valueOf(sandbox.data().invoiceId(0)), item.get("invoiceid").asText());
    assertEquals("1", item.get("expr1").asText());
  }

  @Test
  void booleansAreTAndFAndStatusesAreLetters() {
    JsonNode customers = rows("SELECT id, isinactive, isperson FROM customer");
    assertEquals(20, customers.size());
    customers.forEach(c -> assertTrue(Set.of("T", "F").contains(c.get("isinactive").asText())));
    JsonNode statuses = rows("SELECT DISTINCT status, BUILTIN.DF(status) AS label FROM transaction "
        + "WHERE type = 'CustInvc' ORDER BY status");
    assertEquals("A", statuses.get(0).get("status").asText());
    assertEquals("Invoice : Open", statuses.get(0).get("label").asText());
    assertEquals("B", statuses.get(1).get("status").asText());
    assertEquals("Invoice : Paid In Full", statuses.get(1).get("label").asText());
  }

  @Test
  void builtinDfGivesDisplayValues() {
    JsonNode row = rows("SELECT t.entity, BUILTIN.DF(t.entity) AS customer, BUILTIN.DF(t.currency) AS cur, "
        + "BUILTIN.DF(t.type) AS typename FROM transaction t WHERE t.id = " + sandbox.data().invoiceId(0)).get(0);
    assertEquals(String.valueOf(sandbox.data().customerId(0)), row.get("entity").asText());
    assertTrue(row.get("customer").asText().startsWith("C10000 "));
    assertEquals("USD", row.get("cur").asText());
    assertEquals("Invoice", row.get("typename").asText());
  }

  @Test
  void toCharAndToDateHandleTimestamps() {
    JsonNode rows = rows("SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified "
        + "FROM transaction WHERE lastmodifieddate >= TO_DATE('2025-12-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') "
        + "ORDER BY lastmodifieddate, id");
    assertTrue(rows.size() > 0);
    String previous = "";
    for (JsonNode r : rows) {
      String m = r.get("modified").asText();
      assertTrue(m.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), m);
      assertTrue(m.compareTo("2025-12-01 00:00:00") >= 0);
      assertTrue(m.compareTo(previous) >= 0, "ordered by lastmodifieddate");
      previous = m;
    }
    JsonNode between = rows("SELECT COUNT(*) AS n FROM transaction WHERE trandate BETWEEN "
        + "TO_DATE('2025-01-01', 'YYYY-MM-DD') AND TO_DATE('2025-03-31', 'YYYY-MM-DD')");
    assertTrue(between.get(0).get("n").asInt() > 0);
    JsonNode accountFormat = rows("SELECT COUNT(*) AS n FROM transaction WHERE trandate >= '1/1/2025' "
        + "AND trandate <= '3/31/2025'");
    assertEquals(between.get(0).get("n").asText(), accountFormat.get(0).get("n").asText());
  }

  @Test
  void joinsAndPredicates() {
    JsonNode joined = rows("SELECT t.id, t.tranid, c.companyname, a.state FROM transaction t "
        + "INNER JOIN customer c ON c.id = t.entity "
        + "LEFT JOIN entityaddress a ON a.nkey = c.defaultbillingaddress "
        + "WHERE t.type IN ('CustInvc', 'CustCred') AND (t.foreigntotal > 100 OR t.memo IS NULL) "
        + "AND NOT t.status = 'Z' AND c.companyname LIKE '%a%' ORDER BY t.id DESC");
    assertTrue(joined.size() > 10);
    long previous = Long.MAX_VALUE;
    for (JsonNode r : joined) {
      assertTrue(r.get("state").asText().matches("[A-Z]{2}"));
      long id = r.get("id").asLong();
      assertTrue(id < previous);
      previous = id;
    }
    JsonNode states = rows("SELECT DISTINCT a.state FROM customer c "
        + "INNER JOIN entityaddress a ON a.nkey = c.defaultbillingaddress");
    Set<String> codes = new HashSet<>();
    states.forEach(s -> codes.add(s.get("state").asText()));
    assertTrue(codes.containsAll(Set.of("CT", "MA", "ME", "CO", "OK")), codes.toString());
  }

  @Test
  void linesCarryItemsWithNetSuiteSigns() {
    long invoiceId = sandbox.data().invoiceId(3);
    JsonNode lines = rows("SELECT tl.id, tl.mainline, tl.item, BUILTIN.DF(tl.item) AS itemname, tl.quantity, "
        + "tl.rate, tl.foreignamount FROM transactionline tl WHERE tl.transaction = " + invoiceId + " ORDER BY tl.id");
    assertEquals("T", lines.get(0).get("mainline").asText());
    assertFalse(lines.get(0).has("item"));
    JsonNode first = lines.get(1);
    assertEquals("F", first.get("mainline").asText());
    assertTrue(first.get("quantity").asText().startsWith("-"), "invoice lines are credits to income");
    assertTrue(first.get("foreignamount").asText().startsWith("-"));
    assertFalse(first.get("rate").asText().startsWith("-"));
    assertTrue(first.get("itemname").asText().matches("[A-Z]+-[A-Z0-9-]+"));
  }

  @Test
  void keysetPagingReturnsEveryRowOnceInOrder() {
    List<Long> keyset = new ArrayList<>();
    long last = 0;
    while (true) {
      JsonNode page = client.suiteql("SELECT id FROM transaction WHERE id > " + last + " ORDER BY id", 100, 0)
          .json();
      if (page.get("count").asInt() == 0) {
        break;
      }
      for (JsonNode r : page.get("items")) {
        last = r.get("id").asLong();
        keyset.add(last);
      }
      if (!page.get("hasMore").asBoolean()) {
        break;
      }
    }
    JsonNode all = client.suiteql("SELECT COUNT(*) AS n FROM transaction").json();
    assertEquals(all.get("items").get(0).get("n").asInt(), keyset.size());
    assertEquals(keyset.stream().sorted().distinct().toList(), keyset);
  }

  @Test
  void offsetPagingAndItsCap() {
    JsonNode page = client.suiteql("SELECT id FROM customer ORDER BY id", 5, 5).json();
    assertEquals(5, page.get("offset").asInt());
    assertEquals(20, page.get("totalResults").asInt());
    assertEquals(String.valueOf(sandbox.data().customerId(5)), page.get("items").get(0).get("id").asText());
    Client.Reply capped = client.suiteql("SELECT id FROM transaction ORDER BY id", 1000, 100_000);
    assertEquals(400, capped.status());
    assertEquals("INVALID_PARAMETER", capped.errorCode());
    assertTrue(capped.errorDetail().contains("100000"));
    assertEquals(400, client.suiteql("SELECT id FROM customer", 10, 15).status());
  }

  @Test
  void badQueriesGetNetSuiteErrors() {
    Client.Reply unknownColumn = client.suiteql("SELECT nosuchcolumn FROM customer");
    assertEquals(400, unknownColumn.status());
    assertTrue(unknownColumn.errorDetail().startsWith("Invalid search query. Detailed unprocessed description "
        + "follows. Search error occurred: Unknown identifier 'nosuchcolumn'. Available identifiers are: "
        + "{customer=customer}"), unknownColumn.errorDetail());
    Client.Reply unknownTable = client.suiteql("SELECT id FROM nosuchtable");
    assertTrue(unknownTable.errorDetail().contains("Invalid search type: nosuchtable"));
    Client.Reply syntax = client.suiteql("SELECT id FROM customer WHERE");
    assertEquals(400, syntax.status());
    assertEquals("INVALID_PARAMETER", syntax.errorCode());
    Client.Reply subquery = client.suiteql("SELECT id FROM customer WHERE id IN (SELECT entity FROM transaction)");
    assertTrue(subquery.errorDetail().contains("Subqueries"));

    ObjectNode body = Client.JSON.createObjectNode().put("q", "SELECT id FROM customer");
    Client.Reply noPrefer = client.send("POST", "/services/rest/query/v1/suiteql", body, null);
    assertEquals(400, noPrefer.status());
    assertEquals("Prefer", noPrefer.json().get("o:errorDetails").get(0).get("o:errorHeader").asText());
  }

  @Test
  void boundParameters() {
    ObjectNode body = Client.JSON.createObjectNode().put("q", "SELECT id FROM customer WHERE id BETWEEN ? AND ?");
    body.putArray("params").add(String.valueOf(sandbox.data().customerId(2)))
        .add(String.valueOf(sandbox.data().customerId(4)));
    JsonNode r = client.send("POST", "/services/rest/query/v1/suiteql", body, "transient").json();
    assertEquals(3, r.get("totalResults").asInt());
  }

  @Test
  void paymentApplicationsAreLinkedToInvoices() {
    JsonNode links = rows("SELECT l.previousdoc, l.nextdoc, l.nexttype, l.foreignamount, t.tranid "
        + "FROM NextTransactionLineLink l INNER JOIN transaction t ON t.id = l.nextdoc "
        + "WHERE l.nexttype = 'CustPymt' ORDER BY l.previousdoc");
    assertTrue(links.size() > 0);
    JsonNode first = links.get(0);
    JsonNode invoice = rows("SELECT foreigntotal, foreignamountpaid, foreignamountunpaid FROM transaction "
        + "WHERE id = " + first.get("previousdoc").asText()).get(0);
    BigDecimal paid = new BigDecimal(invoice.get("foreignamountpaid").asText());
    assertTrue(paid.compareTo(new BigDecimal(first.get("foreignamount").asText())) >= 0);
    assertEquals(0, new BigDecimal(invoice.get("foreigntotal").asText())
        .subtract(paid).compareTo(new BigDecimal(invoice.get("foreignamountunpaid").asText())));
  }

  @Test
  void openInvoicesCoverEveryAgingBucket() {
    JsonNode buckets = rows("SELECT CASE WHEN duedate >= TO_DATE('2026-01-15', 'YYYY-MM-DD') THEN 'current' "
        + "WHEN duedate >= TO_DATE('2025-12-16', 'YYYY-MM-DD') THEN '1-30' "
        + "WHEN duedate >= TO_DATE('2025-11-16', 'YYYY-MM-DD') THEN '31-60' "
        + "WHEN duedate >= TO_DATE('2025-10-17', 'YYYY-MM-DD') THEN '61-90' ELSE '90+' END AS bucket, "
        + "COUNT(*) AS n FROM transaction WHERE type = 'CustInvc' AND foreignamountunpaid > 0 "
        + "GROUP BY CASE WHEN duedate >= TO_DATE('2026-01-15', 'YYYY-MM-DD') THEN 'current' "
        + "WHEN duedate >= TO_DATE('2025-12-16', 'YYYY-MM-DD') THEN '1-30' "
        + "WHEN duedate >= TO_DATE('2025-11-16', 'YYYY-MM-DD') THEN '31-60' "
        + "WHEN duedate >= TO_DATE('2025-10-17', 'YYYY-MM-DD') THEN '61-90' ELSE '90+' END ORDER BY bucket");
    Set<String> seen = new HashSet<>();
    buckets.forEach(b -> seen.add(b.get("bucket").asText()));
    assertEquals(Set.of("current", "1-30", "31-60", "61-90", "90+"), seen);
    JsonNode partial = rows("SELECT COUNT(*) AS n FROM transaction WHERE type = 'CustInvc' "
        + "AND foreignamountpaid > 0 AND foreignamountunpaid > 0");
    assertTrue(partial.get(0).get("n").asInt() > 0, "some invoices are partially paid");
  }

  @Test
  void customersContactsItemsFilesAndSmallTables() {
    JsonNode children = rows("SELECT c.id, c.parent, BUILTIN.DF(c.parent) AS parentname FROM customer c "
        + "WHERE c.parent IS NOT NULL");
    assertTrue(children.size() > 0, "parent/child customers exist");
    JsonNode contacts = rows("SELECT ct.email, c.email AS customeremail FROM contact ct "
        + "INNER JOIN customer c ON c.id = ct.company");
    assertEquals(40, contacts.size());
    for (JsonNode ct : contacts) {
      String domain = ct.get("customeremail").asText().replaceAll(".*@", "");
      assertTrue(ct.get("email").asText().endsWith("@" + domain));
    }
    assertEquals(20, rows("SELECT id, itemid, itemtype FROM item").size());
    assertEquals("USD", rows("SELECT symbol FROM currency WHERE isbasecurrency = 'T'").get(0).get("symbol")
        .asText());
    JsonNode files = rows("SELECT id, name, filetype, url FROM file ORDER BY id");
    assertTrue(files.size() > 0);
    assertEquals("PDF", files.get(0).get("filetype").asText());
    assertTrue(files.get(0).get("url").asText().startsWith("/core/media/media.nl?id="));
    assertNull(rows("SELECT recordid FROM deletedrecord").get(0));
  }
}
