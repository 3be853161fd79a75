package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 10,000 customers x 100 invoices: nothing is generated up front and keyset pages seek by id arithmetic. */
class ScaleTest {

  private static NetSuiteSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    sandbox = NetSuiteSandbox.builder().customers(10_000).invoicesPerCustomer(100).start();
    client = new Client(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void keysetPageNearTheEndOfAMillionInvoices() {
    assertEquals(1_000_000, sandbox.data().invoiceCount());
    long after = sandbox.data().invoiceId(998_999);
    JsonNode page = client.suiteql("SELECT id, tranid, entity, foreigntotal, foreignamountunpaid FROM transaction "
        + "WHERE type = 'CustInvc' AND id > " + after + " ORDER BY id", 1000, 0).json();
    assertEquals(1000, page.get("count").asInt());
    assertEquals(1000, page.get("totalResults").asInt());
    assertFalse(page.get("hasMore").asBoolean());
    assertEquals(String.valueOf(sandbox.data().invoiceId(999_000)), page.get("items").get(0).get("id").asText());
    assertEquals(String.valueOf(sandbox.data().invoiceId(999_999)), page.get("items").get(999).get("id").asText());
    assertEquals(String.valueOf(sandbox.data().customerId(999_999 % 10_000)),
        page.get("items").get(999).get("entity").asText());
  }

  @Test
  void firstKeysetPageCountsAllInvoicesWithoutBuildingThem() {
    JsonNode page = client.suiteql("SELECT id FROM transaction WHERE type = 'CustInvc' AND id > 0 ORDER BY id",
        1000, 0).json();
    assertEquals(1000, page.get("count").asInt());
    assertEquals(1_000_000, page.get("totalResults").asInt());
    assertTrue(page.get("hasMore").asBoolean());
  }

  @Test
  void keysetPagesOfLinesSeekAndCountWithoutWalkingTheRest() {
    String lines = "SELECT l.transaction, l.id, t.tranid, l.quantity FROM transactionline l "
        + "JOIN transaction t ON t.id = l.transaction WHERE t.type = 'CustInvc' AND l.mainline = 'F'";
    JsonNode first = client.suiteql(lines + " AND l.transaction >= 0 AND (l.transaction > 0 OR l.id > 0) "
        + "ORDER BY l.transaction, l.id", 1000, 0).json();
    assertEquals(1000, first.get("count").asInt());
    long all = first.get("totalResults").asLong();
    assertTrue(all > 1_000_000 && all < 4_000_000, "one to four lines per invoice: " + all);

    long afterTransaction = sandbox.data().invoiceId(998_000) - 1;
    long afterLine = 0;
    long expected = -1;
    long read = 0;
    while (true) {
      JsonNode page = client.suiteql(lines + " AND l.transaction >= " + afterTransaction + " AND (l.transaction > "
          + afterTransaction + " OR l.id > " + afterLine + ") ORDER BY l.transaction, l.id", 1000, 0).json();
      expected = expected < 0 ? page.get("totalResults").asLong() : expected;
      assertEquals(expected - read, page.get("totalResults").asLong());
      for (JsonNode item : page.get("items")) {
        afterTransaction = item.get("transaction").asLong();
        afterLine = item.get("id").asLong();
        read++;
      }
      if (!page.get("hasMore").asBoolean()) {
        break;
      }
    }
    assertEquals(expected, read);
    assertEquals(sandbox.data().invoiceId(999_999), afterTransaction);
  }

  @Test
  void recordsAtTheEndAreServedAndListsAreCapped() {
    long lastInvoice = sandbox.data().invoiceId(999_999);
    assertEquals(200, client.get("/services/rest/record/v1/invoice/" + lastInvoice).status());
    JsonNode list = client.get("/services/rest/record/v1/invoice?limit=1000&offset=99000").json();
    assertEquals(1_000_000, list.get("totalResults").asInt());
    assertFalse(list.get("hasMore").asBoolean(), "nothing reachable beyond 100,000 results");
    assertEquals(400, client.get("/services/rest/record/v1/invoice?limit=1000&offset=100000").status());
    JsonNode recent = client.suiteql("SELECT COUNT(*) AS n FROM transaction WHERE type = 'CustInvc' AND "
        + "lastmodifieddate >= TO_DATE('2026-01-10', 'YYYY-MM-DD')").json();
    assertTrue(recent.get("items").get(0).get("n").asInt() > 0);
  }
}
