package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo company ships its sales orders: item fulfillments ({@code ItemShip}) that agree with their orders, carry
 * tracking numbers in each carrier's format, and read the same through SuiteQL and REST.
 */
class ItemFulfillmentTest {

  private static final Map<String, Pattern> TRACKING_FORMATS = Map.of(
      "UPS Ground", Pattern.compile("1Z[A-Z0-9]{6}\\d{10}"),
      "UPS Next Day Air", Pattern.compile("1Z[A-Z0-9]{6}\\d{10}"),
      "FedEx Ground", Pattern.compile("\\d{12}"),
      "FedEx 2Day", Pattern.compile("\\d{12}"),
      "USPS Priority Mail", Pattern.compile("9405\\d{18}"),
      "DHL Express Worldwide", Pattern.compile("\\d{10}"),
      "Metro Courier Same Day", Pattern.compile("MC-\\d{7}"),
      "R+L Carriers LTL Freight", Pattern.compile("PRO \\d{9}"));

  private static NetSuiteSandbox sandbox;
  private static Client client;

  @BeforeAll
  static void start() {
    sandbox = NetSuiteSandbox.builder().customers(30).invoicesPerCustomer(12).start();
    client = new Client(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void shippedOrdersHaveOneToThreeFulfillmentsShippingTheirInventory() {
    Map<String, JsonNode> orders = new HashMap<>();
    for (JsonNode o : rows("SELECT id, status, entity FROM transaction WHERE type = 'SalesOrd' ORDER BY id")) {
      orders.put(o.get("id").asText(), o);
    }
    Map<String, List<JsonNode>> byOrder = new TreeMap<>();
    for (JsonNode f : rows("SELECT id, createdfrom, entity, status, BUILTIN.DF(status) AS statuslabel, "
        + "BUILTIN.DF(shipmethod) AS shipmethod, foreigntotal FROM transaction WHERE type = 'ItemShip' ORDER BY id")) {
      JsonNode order = orders.get(f.get("createdfrom").asText());
      assertTrue(order != null, "created from a sales order: " + f);
      assertEquals(order.get("entity"), f.get("entity"), "the order's customer");
      assertTrue(Set.of("A", "B", "C").contains(f.get("status").asText()), f.toString());
      assertTrue(f.get("statuslabel").asText().matches("Item Fulfillment : (Picked|Packed|Shipped)"), f.toString());
      assertEquals("0", f.get("foreigntotal").asText());
      byOrder.computeIfAbsent(f.get("createdfrom").asText(), k -> new ArrayList<>()).add(f);
    }
    assertTrue(byOrder.size() > orders.size() / 3 && byOrder.size() < orders.size(),
        byOrder.size() + " of " + orders.size() + " orders shipped");

    Map<String, Integer> perOrder = new HashMap<>();
    for (Map.Entry<String, List<JsonNode>> e : byOrder.entrySet()) {
      String status = orders.get(e.getKey()).get("status").asText();
      assertTrue(Set.of("D", "F", "G", "H").contains(status), "only orders past fulfillment ship: " + status);
      assertTrue(e.getValue().size() <= 3);
      perOrder.merge(e.getValue().size() + "", 1, Integer::sum);
      Map<String, BigDecimal> ordered = inventory("SalesOrd", List.of(e.getKey()));
      Map<String, BigDecimal> shipped = inventory("ItemShip",
          e.getValue().stream().map(f -> f.get("id").asText()).toList());
      if (Set.of("F", "G").contains(status)) {
        assertEquals(ordered, shipped, "a pending billing or billed order shipped everything " + e.getKey());
      } else {
        assertTrue(!ordered.equals(shipped), "a partially fulfilled order has items to follow " + e.getKey());
        shipped.forEach((item, q) -> assertTrue(q.compareTo(ordered.get(item)) <= 0, item));
      }
    }
    assertEquals(Set.of("1", "2", "3"), perOrder.keySet(), "orders ship in one to three fulfillments");
  }

  @Test
  void trackingNumbersFollowTheCarrierAndMatchTheRestPackages() {
    Set<String> methods = new HashSet<>();
    int tracked = 0;
    Map<String, List<String>> suiteQl = new TreeMap<>();
    for (JsonNode t : rows("SELECT m.transaction, m.trackingnumber AS trackingid, n.trackingnumber "
        + "FROM trackingnumbermap m JOIN trackingnumber n ON n.id = m.trackingnumber "
        + "ORDER BY m.transaction, m.trackingnumber")) {
      suiteQl.computeIfAbsent(t.get("transaction").asText(), k -> new ArrayList<>())
          .add(t.get("trackingnumber").asText());
    }
    for (JsonNode f : rows("SELECT id, status, BUILTIN.DF(shipmethod) AS shipmethod FROM transaction "
        + "WHERE type = 'ItemShip' ORDER BY id")) {
      String method = f.get("shipmethod").asText();
      methods.add(method);
      Map<String, Object> rest = sandbox.data().record("itemfulfillment", f.get("id").asLong()).orElseThrow();
      List<String> packages = new ArrayList<>();
      for (Map<String, Object> p : items(rest.get("package"))) {
        packages.add((String) p.get("packageTrackingNumber"));
      }
      assertEquals(packages, suiteQl.getOrDefault(f.get("id").asText(), List.of()), "fulfillment " + f);
      if (f.get("status").asText().equals("A") || method.equals("Customer Pickup")) {
        assertTrue(packages.isEmpty(), "nothing to track yet, or picked up: " + f);
      } else {
        assertTrue(!packages.isEmpty() && packages.size() <= 3, f.toString());
        packages.forEach(n -> assertTrue(TRACKING_FORMATS.get(method).matcher(n).matches(), method + " " + n));
        tracked++;
      }
      assertEquals(method, ((Map<?, ?>) rest.get("shipMethod")).get("refName"));
    }
    assertTrue(tracked > 20, "tracked fulfillments: " + tracked);
    assertTrue(methods.containsAll(List.of("UPS Ground", "FedEx Ground", "USPS Priority Mail",
        "DHL Express Worldwide")), methods.toString());
    assertTrue(methods.stream().anyMatch(m -> m.startsWith("Metro") || m.startsWith("R+L") || m.startsWith("Customer")),
        "some ship by courier, freight or pickup: " + methods);
  }

  @Test
  void dateWindowsAndCountsFindEveryFulfillment() {
    List<String> all = ids("SELECT id FROM transaction WHERE type = 'ItemShip' ORDER BY id");
    List<String> recent = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (JsonNode f : rows("SELECT id, TO_CHAR(trandate, 'YYYY-MM-DD') AS shipped, "
        + "TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM transaction "
        + "WHERE type = 'ItemShip' ORDER BY id")) {
      if (f.get("shipped").asText().compareTo("2025-10-01") >= 0) {
        recent.add(f.get("id").asText());
      }
      if (f.get("modified").asText().compareTo("2025-12-01 00:00:00") >= 0) {
        changed.add(f.get("id").asText());
      }
    }
    assertTrue(!recent.isEmpty() && recent.size() < all.size());
    assertEquals(recent, ids("SELECT id FROM transaction WHERE type = 'ItemShip' "
        + "AND trandate >= TO_DATE('2025-10-01', 'YYYY-MM-DD') ORDER BY id"));
    assertEquals(changed, ids("SELECT t.id FROM transaction t WHERE t.type = 'ItemShip' AND t.lastmodifieddate >= "
        + "TO_TIMESTAMP('2025-12-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY t.id"));
    assertEquals(all.size(), rows("SELECT COUNT(*) AS n FROM transaction WHERE type = 'ItemShip'").get(0)
        .get("n").asInt());
    assertEquals(all.size(), client.suiteql("SELECT id FROM transaction WHERE type = 'ItemShip' ORDER BY id", 5, 0)
        .json().get("totalResults").asInt());
    assertEquals(all.size(), client.get("/services/rest/record/v1/itemfulfillment").json().get("totalResults")
        .asInt());
  }

  /** Inventory item quantities (positive) over the item lines of these transactions. */
  private static Map<String, BigDecimal> inventory(String type, List<String> ids) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (JsonNode l : rows("SELECT l.item, l.quantity FROM transactionline l JOIN transaction t "
        + "ON t.id = l.transaction WHERE t.type = '" + type + "' AND l.mainline = 'F' AND l.itemtype = 'InvtPart' "
        + "AND l.transaction IN (" + String.join(", ", ids) + ")")) {
      out.merge(l.get("item").asText(), new BigDecimal(l.get("quantity").asText()).negate(), BigDecimal::add);
    }
    return out;
  }

  private static List<String> ids(String sql) {
    List<String> out = new ArrayList<>();
    rows(sql).forEach(r -> out.add(r.get("id").asText()));
    return out;
  }

  private static List<JsonNode> rows(String sql) {
    List<JsonNode> out = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      Client.Reply r = client.suiteql(sql, 1000, offset);
      assertEquals(200, r.status(), () -> r.json().toString());
      r.json().get("items").forEach(out::add);
      if (!r.json().get("hasMore").asBoolean()) {
        return out;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Object sublist) {
    return sublist == null ? List.of() : (List<Map<String, Object>>) ((Map<String, Object>) sublist).get("items");
  }
}
