package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transaction lines ordered by (transaction, id) stream in key order and count totalResults by arithmetic; the answers
 * must be exactly those of the general path (sort everything, evaluate and count every row), edits included.
 */
class KeysetLinesTest {

  private static final String BENCH = "SELECT l.transaction, l.id, t.tranid, t.trandate, t.entity, l.item, "
      + "l.quantity, l.rate, l.netamount FROM transactionline l JOIN transaction t ON t.id = l.transaction "
      + "WHERE t.type = 'CustInvc' AND l.mainline = 'F'";
  private static final String PLAIN = "SELECT l.transaction, l.id, l.mainline, l.item, l.foreignamount, l.memo "
      + "FROM transactionline l WHERE l.transaction > 0";
  private static final String OTHER_TYPES = "SELECT l.transaction, l.id, t.type, l.quantity FROM transactionline l "
      + "LEFT JOIN transaction t ON l.transaction = t.id WHERE t.type IN ('SalesOrd', 'CustCred')";

  private static NetSuiteSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    sandbox = NetSuiteSandbox.builder().customers(40).invoicesPerCustomer(10).start();
    client = new Client(sandbox);
    SandboxData data = sandbox.data();
    data.patch("invoice", data.invoiceId(5), Map.of("item", Map.of("items",
        List.of(Map.of("item", Map.of("id", "201"), "quantity", 2)))));
    data.patch("invoice", data.invoiceId(9), Map.of("memo", "edited"));
    data.create("invoice", Map.of("entity", Map.of("id", String.valueOf(data.customerId(2))),
        "item", Map.of("items", List.of(Map.of("item", Map.of("id", "202"), "quantity", 3)))));
    long payment = firstId("CustPymt");
    data.delete("customerpayment", payment);
    data.delete("salesorder", firstId("SalesOrd"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static long firstId(String type) {
    return rows("SELECT id FROM transaction WHERE type = '" + type + "' ORDER BY id", 1, 0).get("items").get(0)
        .get("id").asLong();
  }

  private static JsonNode rows(String sql, int limit, int offset) {
    Client.Reply r = client.suiteql(sql, limit, offset);
    assertEquals(200, r.status(), () -> r.json().toString());
    return r.json();
  }

  /** The same query through the general path: this ORDER BY gives the same order but is sorted, not streamed. */
  private static JsonNode sorted(String sql, int limit, int offset) {
    return rows(sql.replace("ORDER BY l.transaction, l.id", "ORDER BY l.transaction, l.linesequencenumber"), limit,
        offset);
  }

  @Test
  void streamedPagesEqualSortedPages() {
    long mid = sandbox.data().invoiceId(200);
    long end = sandbox.data().invoiceId(300);
    for (String base : List.of(BENCH, PLAIN, OTHER_TYPES)) {
      for (String range : List.of("", " AND l.transaction >= " + mid + " AND (l.transaction > " + mid
          + " OR l.id > 1)", " AND l.transaction >= " + mid + " AND (l.transaction > " + mid + " OR l.id > 0)"
          + " AND l.transaction <= " + end, " AND l.transaction > " + end)) {
        String sql = base + range + " ORDER BY l.transaction, l.id";
        for (int[] page : new int[][] {{1000, 0}, {100, 300}, {7, 7}}) {
          JsonNode streamed = rows(sql, page[0], page[1]);
          JsonNode general = sorted(sql, page[0], page[1]);
          assertEquals(general.get("totalResults"), streamed.get("totalResults"), sql);
          assertEquals(general.get("items"), streamed.get("items"), sql);
          assertEquals(general.get("hasMore"), streamed.get("hasMore"), sql);
        }
      }
    }
  }

  @Test
  void keysetPagesReadEveryLineOnceAndCountWhatIsLeft() {
    for (String base : List.of(BENCH, PLAIN, OTHER_TYPES)) {
      List<String> keys = new ArrayList<>();
      List<Long> totals = new ArrayList<>();
      long afterTransaction = 0;
      long afterLine = 0;
      while (true) {
        JsonNode page = rows(base + " AND l.transaction >= " + afterTransaction + " AND (l.transaction > "
            + afterTransaction + " OR l.id > " + afterLine + ") ORDER BY l.transaction, l.id", 250, 0);
        totals.add(page.get("totalResults").asLong() + keys.size());
        for (JsonNode item : page.get("items")) {
          afterTransaction = item.get("transaction").asLong();
          afterLine = item.get("id").asLong();
          keys.add(afterTransaction + "/" + afterLine);
        }
        if (!page.get("hasMore").asBoolean()) {
          break;
        }
      }
      assertTrue(keys.size() > 250, base);
      JsonNode all = sorted(base + " ORDER BY l.transaction, l.id", 1000, 0);
      assertEquals(all.get("totalResults").asLong(), keys.size(), base);
      for (long total : totals) {
        assertEquals(keys.size(), total, "rows seen before a page plus its totalResults: " + base);
      }
      assertEquals(keys.stream().distinct().count(), keys.size(), base);
    }
  }
}
