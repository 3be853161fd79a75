package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordApiTest {

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

  @Test
  void listPagesHaveNetSuiteEnvelopeAndLinks() {
    Client.Reply first = client.get("/services/rest/record/v1/customer?limit=7&offset=0");
    assertEquals(200, first.status());
    assertEquals("application/vnd.oracle.resource+json; type=collection; charset=UTF-8",
        first.header("Content-Type"));
    JsonNode body = first.json();
    assertEquals(7, body.get("count").asInt());
    assertTrue(body.get("hasMore").asBoolean());
    assertEquals(0, body.get("offset").asInt());
    assertEquals(20, body.get("totalResults").asInt());
    JsonNode item = body.get("items").get(0);
    assertTrue(item.get("id").isTextual());
    assertEquals(2, item.size(), "list items carry only links and id");
    assertTrue(item.get("links").get(0).get("href").asText().endsWith("/record/v1/customer/" + item.get("id").asText()));
    assertEquals(Set.of("next", "last", "self"), rels(body));
    assertTrue(link(body, "next").endsWith("limit=7&offset=7"));
    assertTrue(link(body, "last").endsWith("limit=7&offset=14"));

    JsonNode last = client.get("/services/rest/record/v1/customer?limit=7&offset=14").json();
    assertEquals(6, last.get("count").asInt());
    assertFalse(last.get("hasMore").asBoolean());
    assertEquals(Set.of("first", "prev", "self"), rels(last));
  }

  @Test
  void pagingVisitsEveryRecordOnce() {
    Set<String> ids = new HashSet<>();
    int offset = 0;
    JsonNode page;
    do {
      page = client.get("/services/rest/record/v1/invoice?limit=50&offset=" + offset).json();
      page.get("items").forEach(i -> assertTrue(ids.add(i.get("id").asText())));
      offset = page.get("offset").asInt() + page.get("count").asInt();
    } while (page.get("hasMore").asBoolean());
    assertEquals(240, ids.size());
  }

  @Test
  void pagingRulesAreEnforced() {
    Client.Reply notMultiple = client.get("/services/rest/record/v1/customer?limit=10&offset=5");
    assertEquals(400, notMultiple.status());
    assertEquals("INVALID_PARAMETER", notMultiple.errorCode());
    assertEquals(400, client.get("/services/rest/record/v1/customer?limit=1001").status());
    assertEquals(400, client.get("/services/rest/record/v1/customer?limit=1000&offset=100000").status());
  }

  @Test
  void qFiltersByDateEntityAndId() {
    long customer = sandbox.data().customerId(3);
    JsonNode byEntity = client.get("/services/rest/record/v1/invoice?q=" + Client.q("entity EQUAL " + customer))
        .json();
    assertEquals(12, byEntity.get("totalResults").asInt());
    JsonNode combined = client.get("/services/rest/record/v1/invoice?q="
        + Client.q("entity ANY_OF [" + customer + "] AND id GREATER " + sandbox.data().invoiceId(100))).json();
    assertTrue(combined.get("totalResults").asInt() < 12 && combined.get("totalResults").asInt() > 0);

    JsonNode recent = client.get("/services/rest/record/v1/invoice?q="
        + Client.q("lastModifiedDate ON_OR_AFTER \"12/1/2025\"")).json();
    int recentCount = recent.get("totalResults").asInt();
    assertTrue(recentCount > 0 && recentCount < 240, "some but not all invoices changed since December");
    for (int i = 0; i < Math.min(10, recent.get("items").size()); i++) {
      JsonNode item = recent.get("items").get(i);
      String modified = client.get("/services/rest/record/v1/invoice/" + item.get("id").asText()
          + "?fields=lastModifiedDate").json().get("lastModifiedDate").asText();
      assertTrue(modified.compareTo("2025-12-01T08:00:00Z") >= 0, modified);
    }
    JsonNode iso = client.get("/services/rest/record/v1/invoice?q="
        + Client.q("lastModifiedDate AFTER \"2025-12-01T08:00:00Z\"")).json();
    assertTrue(Math.abs(iso.get("totalResults").asInt() - recentCount) <= 1);
    Client.Reply badDate = client.get("/services/rest/record/v1/invoice?q="
        + Client.q("lastModifiedDate AFTER \"2025-12-01\""));
    assertEquals(400, badDate.status());
    assertTrue(badDate.errorDetail().contains("Unparseable date"));
  }

  @Test
  void singleRecordHasReferencesEnumsAndCollapsedSublists() {
    long invoiceId = sandbox.data().invoiceId(5);
    Client.Reply r = client.get("/services/rest/record/v1/invoice/" + invoiceId);
    assertEquals(200, r.status());
    assertEquals("application/vnd.oracle.resource+json; type=singular; charset=UTF-8", r.header("Content-Type"));
    JsonNode inv = r.json();
    assertEquals(String.valueOf(invoiceId), inv.get("id").asText());
    JsonNode entity = inv.get("entity");
    assertEquals(String.valueOf(sandbox.data().customerId(5)), entity.get("id").asText());
    assertTrue(entity.get("refName").asText().startsWith("C1000"));
    assertTrue(entity.get("links").get(0).get("href").asText().endsWith("/record/v1/customer/" + entity.get("id")
        .asText()));
    JsonNode status = inv.get("status");
    assertEquals(status.get("id").asText(), status.get("refName").asText());
    assertTrue(Set.of("Open", "Paid In Full").contains(status.get("id").asText()));
    assertTrue(inv.get("total").isDouble());
    assertEquals(1, inv.get("item").size(), "sublist not expanded: links only");
    assertTrue(inv.get("item").get("links").get(0).get("href").asText().endsWith("/item"));
    assertTrue(inv.get("tranDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
    assertTrue(inv.get("lastModifiedDate").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    inv.fields().forEachRemaining(e -> assertFalse(e.getValue().isNull(), e.getKey() + " is null"));
  }

  @Test
  void expandSubResourcesInlinesItemLinesAndAddresses() {
    long invoiceId = sandbox.data().invoiceId(7);
    JsonNode inv = client.get("/services/rest/record/v1/invoice/" + invoiceId + "?expandSubResources=true").json();
    JsonNode items = inv.get("item");
    assertTrue(items.get("totalResults").asInt() >= 1);
    JsonNode line = items.get("items").get(0);
    assertEquals(1, line.get("line").asInt());
    assertNotNull(line.get("item").get("refName"));
    assertEquals(line.get("quantity").asDouble() * line.get("rate").asDouble(), line.get("amount").asDouble(), 0.01);
    double sum = 0;
    for (JsonNode l : items.get("items")) {
      sum += l.get("amount").asDouble();
    }
    assertEquals(inv.get("total").asDouble(), sum, 0.001);
    assertTrue(inv.get("billingAddress").get("state").asText().matches("[A-Z]{2}"));

    JsonNode sublist = client.get("/services/rest/record/v1/invoice/" + invoiceId + "/item").json();
    assertEquals(items.get("totalResults").asInt(), sublist.get("items").size());
  }

  @Test
  void fieldsSelectsBodyFields() {
    JsonNode c = client.get("/services/rest/record/v1/customer/" + sandbox.data().customerId(0)
        + "?fields=companyName,email").json();
    List<String> names = new ArrayList<>();
    c.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("links", "companyName", "email"), names);
  }

  @Test
  void missingRecordsAnswerNonexistentId() {
    Client.Reply r = client.get("/services/rest/record/v1/customer/999999");
    assertEquals(404, r.status());
    assertEquals("NONEXISTENT_ID", r.errorCode());
    assertEquals("Not Found", r.json().get("title").asText());
    assertTrue(r.json().get("type").asText().startsWith("https://"));
    assertEquals(404, client.get("/services/rest/record/v1/customer/eid:nobody").status());
  }

  @Test
  void createPatchUpsertAndDeleteFollowNetSuiteConventions() {
    try (NetSuiteSandbox own = NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(1).start()) {
      writeCycle(new Client(own));
    }
  }

  private static void writeCycle(Client client) {
    Client.Reply created = client.post("/services/rest/record/v1/customer",
        Client.JSON.createObjectNode().put("companyName", "Lighthouse Bakery LLC").put("email", "ap@lighthouse.test"));
    assertEquals(204, created.status());
    long id = Client.idFromLocation(created);
    assertTrue(created.header("Location").contains("/services/rest/record/v1/customer/" + id));
    assertEquals("Lighthouse Bakery LLC",
        client.get("/services/rest/record/v1/customer/" + id).json().get("companyName").asText());

    Client.Reply patched = client.patch("/services/rest/record/v1/customer/" + id,
        Client.JSON.createObjectNode().put("phone", "(207) 555-0101"));
    assertEquals(204, patched.status());
    assertEquals("(207) 555-0101", client.get("/services/rest/record/v1/customer/" + id).json().get("phone").asText());

    Client.Reply upsert = client.put("/services/rest/record/v1/contact/eid:CT-42",
        Client.JSON.createObjectNode().put("firstName", "Ada").put("lastName", "Park")
            .set("company", Client.JSON.createObjectNode().put("id", String.valueOf(id))));
    assertEquals(204, upsert.status());
    JsonNode contact = client.get("/services/rest/record/v1/contact/eid:CT-42").json();
    assertEquals("CT-42", contact.get("externalId").asText());
    assertEquals("Ada Park", contact.get("entityId").asText());

    Client.Reply badRef = client.post("/services/rest/record/v1/contact", Client.JSON.createObjectNode()
        .put("firstName", "X").set("company", Client.JSON.createObjectNode().put("id", "424242")));
    assertEquals(400, badRef.status());
    assertEquals("INVALID_CONTENT", badRef.errorCode());
    assertEquals("company", badRef.json().get("o:errorDetails").get(0).get("o:errorPath").asText());

    assertEquals(204, client.delete("/services/rest/record/v1/contact/eid:CT-42").status());
    assertEquals(404, client.get("/services/rest/record/v1/contact/eid:CT-42").status());
    assertNull(client.get("/services/rest/record/v1/contact/" + Client.idFromLocation(upsert)).json().get("id"));
  }

  @Test
  void customBodyFieldsOfTransactionsAreStoredServedBackAndCleared() {
    try (NetSuiteSandbox own = NetSuiteSandbox.builder().customers(2).invoicesPerCustomer(1).start()) {
      Client c = new Client(own);
      String invoice = "/services/rest/record/v1/invoice/" + own.data().invoiceId(0);
      String link = "https://portal.example/pay/l/abc";
      assertEquals(204, c.patch(invoice, Client.JSON.createObjectNode().put("custbody_portico_pay_link", link))
          .status());
      assertEquals(link, c.get(invoice).json().path("custbody_portico_pay_link").asText());
      assertEquals(link, c.get(invoice + "?fields=custbody_portico_pay_link").json()
          .path("custbody_portico_pay_link").asText());
      assertEquals(204, c.patch(invoice, Client.JSON.createObjectNode().putNull("custbody_portico_pay_link"))
          .status());
      assertFalse(c.get(invoice).json().has("custbody_portico_pay_link"), "null clears it, as NetSuite does");

      String customer = "/services/rest/record/v1/customer/" + own.data().customerId(0);
      c.patch(customer, Client.JSON.createObjectNode().put("custbody_portico_pay_link", link));
      assertFalse(c.get(customer).json().has("custbody_portico_pay_link"), "a body field is a transaction's");
    }
  }

  @Test
  void recordTypeNamesAreCaseInsensitive() {
    assertEquals(200, client.get("/services/rest/record/v1/salesOrder?limit=1").status());
    assertEquals(200, client.get("/services/rest/record/v1/customerPayment?limit=1").status());
    assertEquals(200, client.get("/services/rest/record/v1/creditMemo?limit=1").status());
    assertEquals(200, client.get("/services/rest/record/v1/vendor?limit=1").status());
  }

  private static Set<String> rels(JsonNode body) {
    Set<String> rels = new HashSet<>();
    body.get("links").forEach(l -> rels.add(l.get("rel").asText()));
    return rels;
  }

  private static String link(JsonNode body, String rel) {
    for (JsonNode l : body.get("links")) {
      if (l.get("rel").asText().equals(rel)) {
        return l.get("href").asText();
      }
    }
    return null;
  }
}
