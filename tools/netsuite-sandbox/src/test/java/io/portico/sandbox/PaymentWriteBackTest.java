package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentWriteBackTest {

  private NetSuiteSandbox sandbox;
  private Client client;

  @BeforeEach
  void start() {
    sandbox = NetSuiteSandbox.builder().customers(10).invoicesPerCustomer(12).start();
    client = new Client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** An open, unpaid invoice: id, customer id, amount due. */
  private JsonNode openInvoice(int skip) {
    return client.suiteql("SELECT id, entity, foreignamountunpaid FROM transaction WHERE type = 'CustInvc' "
        + "AND foreignamountpaid = 0 AND foreignamountunpaid > 100 ORDER BY id", 1, skip).json().get("items").get(0);
  }

  private static ObjectNode payment(String customerId, String invoiceId, String amount, String payment) {
    ObjectNode body = Client.JSON.createObjectNode();
    body.putObject("customer").put("id", customerId);
    if (payment != null) {
      body.put("payment", new BigDecimal(payment));
    }
    body.put("memo", "Portal payment");
    ObjectNode line = body.putObject("apply").putArray("items").addObject();
    line.putObject("doc").put("id", invoiceId);
    line.put("apply", true);
    if (amount != null) {
      line.put("amount", new BigDecimal(amount));
    }
    return body;
  }

  private JsonNode invoice(String id) {
    return client.get("/services/rest/record/v1/invoice/" + id).json();
  }

  @Test
  void partialThenFullPaymentMovesInvoiceFromOpenToPaidInFull() {
    JsonNode open = openInvoice(0);
    String invoiceId = open.get("id").asText();
    String customerId = open.get("entity").asText();
    BigDecimal due = new BigDecimal(open.get("foreignamountunpaid").asText());
    String modifiedBefore = invoice(invoiceId).get("lastModifiedDate").asText();

    Client.Reply first = client.post("/services/rest/record/v1/customerpayment",
        payment(customerId, invoiceId, "50.00", "50.00"));
    assertEquals(204, first.status(), () -> first.json().toString());
    long paymentId = Client.idFromLocation(first);
    JsonNode partly = invoice(invoiceId);
    assertEquals(due.subtract(new BigDecimal("50")).doubleValue(), partly.get("amountRemaining").asDouble(), 0.001);
    assertEquals("Open", partly.get("status").get("id").asText());
    assertTrue(partly.get("lastModifiedDate").asText().compareTo(modifiedBefore) > 0);

    Client.Reply rest = client.post("/services/rest/record/v1/customerpayment",
        payment(customerId, invoiceId, null, null));
    assertEquals(204, rest.status());
    JsonNode paid = invoice(invoiceId);
    assertEquals(0.0, paid.get("amountRemaining").asDouble());
    assertEquals("Paid In Full", paid.get("status").get("refName").asText());
    assertEquals("B", client.suiteql("SELECT status FROM transaction WHERE id = " + invoiceId).json()
        .get("items").get(0).get("status").asText());

    JsonNode written = client.get("/services/rest/record/v1/customerpayment/" + paymentId
        + "?expandSubResources=true").json();
    assertEquals(50.0, written.get("payment").asDouble());
    assertEquals(50.0, written.get("applied").asDouble());
    assertEquals(invoiceId, written.get("apply").get("items").get(0).get("doc").get("id").asText());
    assertEquals(2, sandbox.data().payments().size());
    JsonNode links = client.suiteql("SELECT nextdoc, foreignamount FROM NextTransactionLineLink WHERE previousdoc = "
        + invoiceId + " ORDER BY nextdoc").json().get("items");
    assertEquals(2, links.size());
    assertEquals(String.valueOf(paymentId), links.get(0).get("nextdoc").asText());
  }

  @Test
  void rejectsWhatNetSuiteRejects() {
    JsonNode open = openInvoice(0);
    String invoiceId = open.get("id").asText();
    String customerId = open.get("entity").asText();
    BigDecimal due = new BigDecimal(open.get("foreignamountunpaid").asText());

    Client.Reply tooMuch = client.post("/services/rest/record/v1/customerpayment",
        payment(customerId, invoiceId, due.add(BigDecimal.ONE).toPlainString(), null));
    assertEquals(400, tooMuch.status());
    assertEquals("USER_ERROR", tooMuch.errorCode());
    assertEquals("apply.items[0].amount", tooMuch.json().get("o:errorDetails").get(0).get("o:errorPath").asText());

    Client.Reply unknown = client.post("/services/rest/record/v1/customerpayment",
        payment(customerId, "999999", "10", null));
    assertEquals(400, unknown.status());
    assertTrue(unknown.errorDetail().contains("invalid sublist or line item operation"));

    String otherCustomer = String.valueOf(sandbox.data().customerId(
        (int) (Long.parseLong(customerId) - sandbox.data().customerId(0) + 1) % 10));
    Client.Reply foreign = client.post("/services/rest/record/v1/customerpayment",
        payment(otherCustomer, invoiceId, "10", null));
    assertEquals(400, foreign.status());
    assertEquals("USER_ERROR", foreign.errorCode());

    Client.Reply overPayment = client.post("/services/rest/record/v1/customerpayment",
        payment(customerId, invoiceId, "20", "10"));
    assertEquals(400, overPayment.status());

    Client.Reply noCustomer = client.post("/services/rest/record/v1/customerpayment",
        Client.JSON.createObjectNode().put("payment", 10));
    assertEquals(400, noCustomer.status());

    assertEquals(due.doubleValue(), invoice(invoiceId).get("amountRemaining").asDouble(), 0.001,
        "rejected payments change nothing");
    assertEquals(0, sandbox.data().payments().size());

    JsonNode paidInFull = client.suiteql("SELECT id, entity FROM transaction WHERE type = 'CustInvc' AND status = 'B'",
        1, 0).json().get("items").get(0);
    Client.Reply alreadyPaid = client.post("/services/rest/record/v1/customerpayment",
        payment(paidInFull.get("entity").asText(), paidInFull.get("id").asText(), "1", null));
    assertEquals(400, alreadyPaid.status());
  }

  @Test
  void externalIdUpsertIsIdempotent() {
    JsonNode open = openInvoice(1);
    String invoiceId = open.get("id").asText();
    BigDecimal due = new BigDecimal(open.get("foreignamountunpaid").asText());
    ObjectNode body = payment(open.get("entity").asText(), invoiceId, "25.00", "25.00");
    String url = "/services/rest/record/v1/customerpayment/eid:portal-pay-0001";

    Client.Reply first = client.put(url, body);
    Client.Reply retry = client.put(url, body);
    Client.Reply again = client.put(url, body);
    assertEquals(204, first.status(), () -> first.json().toString());
    assertEquals(204, retry.status());
    assertEquals(204, again.status());
    assertEquals(Client.idFromLocation(first), Client.idFromLocation(retry));
    assertEquals(1, sandbox.data().payments().size());
    assertEquals(Client.idFromLocation(first),
        sandbox.data().idOfExternalId("customerpayment", "portal-pay-0001").orElseThrow());
    assertEquals(due.subtract(new BigDecimal("25")).doubleValue(), invoice(invoiceId).get("amountRemaining")
        .asDouble(), 0.001);
    JsonNode read = client.get(url + "?expandSubResources=true").json();
    assertEquals("portal-pay-0001", read.get("externalId").asText());
    assertEquals(1, client.suiteql("SELECT id FROM transaction WHERE externalid = 'portal-pay-0001'").json()
        .get("totalResults").asInt());

    Client.Reply duplicate = client.post("/services/rest/record/v1/customerpayment",
        body.deepCopy().put("externalId", "portal-pay-0001"));
    assertEquals(400, duplicate.status());
  }

  @Test
  void patchReappliesAndDeleteUnapplies() {
    JsonNode open = openInvoice(2);
    String invoiceId = open.get("id").asText();
    BigDecimal due = new BigDecimal(open.get("foreignamountunpaid").asText());
    Client.Reply created = client.post("/services/rest/record/v1/customerpayment",
        payment(open.get("entity").asText(), invoiceId, "40", "100"));
    long paymentId = Client.idFromLocation(created);
    ObjectNode change = Client.JSON.createObjectNode();
    ObjectNode line = change.putObject("apply").putArray("items").addObject();
    line.putObject("doc").put("id", invoiceId);
    line.put("amount", 60);
    assertEquals(204, client.patch("/services/rest/record/v1/customerpayment/" + paymentId, change).status());
    assertEquals(due.subtract(new BigDecimal("60")).doubleValue(), invoice(invoiceId).get("amountRemaining")
        .asDouble(), 0.001);
    JsonNode payment = client.get("/services/rest/record/v1/customerpayment/" + paymentId).json();
    assertEquals(40.0, payment.get("unapplied").asDouble());

    assertEquals(204, client.delete("/services/rest/record/v1/customerpayment/" + paymentId).status());
    assertEquals(due.doubleValue(), invoice(invoiceId).get("amountRemaining").asDouble(), 0.001);
    JsonNode deleted = client.suiteql("SELECT recordid, type, name FROM deletedrecord").json().get("items");
    assertEquals(String.valueOf(paymentId), deleted.get(0).get("recordid").asText());
    assertEquals("customerpayment", deleted.get(0).get("type").asText());
  }
}
