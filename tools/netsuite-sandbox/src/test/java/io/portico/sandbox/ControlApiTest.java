package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {

  private NetSuiteSandbox sandbox;
  private Client client;

  @BeforeEach
  void start() {
    sandbox = NetSuiteSandbox.builder().customers(10).invoicesPerCustomer(4).start();
    client = new Client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void editsBumpLastModifiedDateAndShowUpInIncrementalQueries() {
    long customerId = sandbox.data().customerId(4);
    String before = (String) sandbox.data().record("customer", customerId).orElseThrow().get("lastModifiedDate");
    String cursor = client.suiteql("SELECT TO_CHAR(MAX(lastmodifieddate), 'YYYY-MM-DD HH24:MI:SS') AS m "
        + "FROM customer").json().get("items").get(0).get("m").asText();

    sandbox.data().patch("customer", customerId, Map.of("companyName", "Renamed Robotics LLC"));

    Map<String, Object> after = sandbox.data().record("customer", customerId).orElseThrow();
    assertEquals("Renamed Robotics LLC", after.get("companyName"));
    assertTrue(((String) after.get("lastModifiedDate")).compareTo(before) > 0);
    JsonNode changed = client.suiteql("SELECT id, companyname FROM customer WHERE lastmodifieddate > "
        + "TO_TIMESTAMP('" + cursor + "', 'YYYY-MM-DD HH24:MI:SS') ORDER BY lastmodifieddate, id").json();
    assertEquals(1, changed.get("totalResults").asInt());
    assertEquals(String.valueOf(customerId), changed.get("items").get(0).get("id").asText());
    JsonNode viaQ = client.get("/services/rest/record/v1/customer?q=" + Client.q("lastModifiedDate ON_OR_AFTER \""
        + after.get("lastModifiedDate") + "\"")).json();
    assertEquals(String.valueOf(customerId), viaQ.get("items").get(0).get("id").asText());
    assertTrue(client.suiteql("SELECT BUILTIN.DF(entity) AS c FROM transaction WHERE entity = " + customerId).json()
        .get("items").get(0).get("c").asText().endsWith("Renamed Robotics LLC"), "display names follow renames");
  }

  @Test
  void customRecordsDefinedThroughTheControlApiAreServedToSuiteQl() {
    String control = sandbox.baseUrl() + "/sandbox/customrecords/customrecord_warranty_claim";
    assertEquals(404, Client.raw("POST", URI.create(control), Map.of("name", "WC-1"), null, null).status(),
        "records of an undefined type");
    assertEquals(204, Client.raw("PUT", URI.create(control), Map.of("fields", Map.of("custrecord_wc_customer",
        "select", "custrecord_wc_amount", "decimal", "custrecord_wc_claim_date", "date", "custrecord_wc_serial",
        "text")), null, null).status());
    long customer = sandbox.data().customerId(2);
    Client.Reply created = Client.raw("POST", URI.create(control), Map.of("name", "WC-0001",
        "custrecord_wc_customer", Map.of("id", String.valueOf(customer)), "custrecord_wc_amount", "249.90",
        "custrecord_wc_claim_date", "2026-01-09", "custrecord_wc_serial", "SN-1"), null, null);
    assertEquals(201, created.status());
    assertEquals("1", created.json().get("id").asText());
    assertEquals(201, Client.raw("POST", URI.create(control), Map.of("name", "WC-0002", "isInactive", true),
        null, null).status());
    Client.Reply unknownField = Client.raw("POST", URI.create(control), Map.of("name", "WC-3",
        "custrecord_nope", "x"), null, null);
    assertEquals(400, unknownField.status());
    assertEquals(400, Client.raw("POST", URI.create(control), Map.of("name", "WC-3", "custrecord_wc_claim_date",
        "9 Jan"), null, null).status());

    JsonNode rows = client.suiteql("SELECT r.id, r.name, r.isinactive, r.custrecord_wc_customer AS customer, "
        + "r.custrecord_wc_amount AS amount, r.custrecord_wc_claim_date AS claimdate, r.custrecord_wc_serial, "
        + "TO_CHAR(r.lastmodified, 'YYYY-MM-DD HH24:MI:SS') AS lastmodified FROM customrecord_warranty_claim r "
        + "WHERE r.id > 0 ORDER BY r.id").json();
    assertEquals(2, rows.get("totalResults").asInt());
    JsonNode first = rows.get("items").get(0);
    assertEquals("WC-0001", first.get("name").asText());
    assertEquals("F", first.get("isinactive").asText());
    assertEquals(String.valueOf(customer), first.get("customer").asText());
    assertEquals("249.9", first.get("amount").asText());
    assertEquals("1/9/2026", first.get("claimdate").asText());
    assertEquals("SN-1", first.get("custrecord_wc_serial").asText());
    assertTrue(first.get("lastmodified").asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
    assertEquals("T", rows.get("items").get(1).get("isinactive").asText());
    assertEquals(400, client.suiteql("SELECT id FROM customrecord_nothing").status(), "an undefined type");
  }

  @Test
  void deletesAppearInDeletedRecord() {
    long contactId = Long.parseLong(client.suiteql("SELECT id FROM contact ORDER BY id", 1, 0).json()
        .get("items").get(0).get("id").asText());
    JsonNode open = client.suiteql("SELECT id FROM transaction WHERE type = 'CustInvc' AND foreignamountpaid = 0 "
        + "AND foreignamountunpaid > 0", 1, 0).json().get("items").get(0);
    long invoiceId = open.get("id").asLong();
    sandbox.data().delete("contact", contactId);
    sandbox.data().delete("invoice", invoiceId);
    assertTrue(sandbox.data().record("contact", contactId).isEmpty());
    assertEquals(404, client.get("/services/rest/record/v1/invoice/" + invoiceId).status());
    JsonNode deleted = client.suiteql("SELECT recordid, recordtypeid, type, name, deleteddate FROM deletedrecord "
        + "ORDER BY deleteddate, recordid").json();
    assertEquals(2, deleted.get("totalResults").asInt());
    JsonNode first = deleted.get("items").get(0);
    assertEquals(String.valueOf(contactId), first.get("recordid").asText());
    assertEquals("contact", first.get("type").asText());
    assertEquals("-6", first.get("recordtypeid").asText());
    assertTrue(first.get("deleteddate").asText().matches("\\d{1,2}/\\d{1,2}/\\d{4}"));
    assertEquals(0, client.suiteql("SELECT id FROM transaction WHERE id = " + invoiceId).json()
        .get("totalResults").asInt());

    long customerWithInvoices = sandbox.data().customerId(0);
    NetSuiteException blocked = assertThrows(NetSuiteException.class,
        () -> sandbox.data().delete("customer", customerWithInvoices));
    assertEquals("USER_ERROR", blocked.code());
  }

  @Test
  void httpControlApiChangesRecordsAndFaults() {
    long customerId = sandbox.data().customerId(2);
    URI record = URI.create(sandbox.baseUrl() + "/sandbox/records/customer/" + customerId);
    Client.Reply patched = Client.raw("POST", record, Map.of("email", "new@ap.test"), null, null);
    assertEquals(200, patched.status());
    assertEquals("new@ap.test", patched.json().get("email").asText());
    Client.Reply faults = Client.raw("POST", URI.create(sandbox.baseUrl() + "/sandbox/faults"),
        Map.of("latencyMillis", 5, "concurrencyLimit", 7), null, null);
    assertEquals(7, faults.json().get("concurrencyLimit").asInt());
    assertEquals(5, sandbox.faults().latencyMillis());
    long contactId = sandbox.data().customerId(0) + sandbox.data().customerCount();
    assertEquals(204, Client.raw("DELETE", URI.create(sandbox.baseUrl() + "/sandbox/records/contact/" + contactId),
        null, null, null).status());
    assertTrue(sandbox.data().record("contact", contactId).isEmpty());
    assertEquals(0, Client.raw("GET", URI.create(sandbox.baseUrl() + "/sandbox/payments"), null, null, null).json()
        .get("items").size());
  }
}
