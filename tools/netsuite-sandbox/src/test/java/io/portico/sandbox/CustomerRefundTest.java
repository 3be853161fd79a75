package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking a customer payment back: a customer refund pays out money of the payment that is not applied (lower its
 * applications first, and the invoice owes again), and deleting the payment; in a closed period neither works.
 */
class CustomerRefundTest {

  private static final String RECORDS = "/services/rest/record/v1/";

  private NetSuiteSandbox sandbox;
  private Client client;
  private String invoiceId;
  private String customerId;
  private long paymentId;

  @BeforeEach
  void paidInvoice() {
    sandbox = NetSuiteSandbox.builder().customers(5).invoicesPerCustomer(8).start();
    client = new Client(sandbox);
    JsonNode open = client.suiteql("SELECT id, entity FROM transaction WHERE type = 'CustInvc' AND foreignamountpaid"
        + " = 0 AND foreignamountunpaid > 100 ORDER BY id", 1, 0).json().get("items").get(0);
    invoiceId = open.get("id").asText();
    customerId = open.get("entity").asText();
    ObjectNode payment = Client.JSON.createObjectNode();
    payment.putObject("customer").put("id", customerId);
    payment.put("payment", new BigDecimal("100.00"));
    ObjectNode line = payment.putObject("apply").putArray("items").addObject();
    line.putObject("doc").put("id", invoiceId);
    line.put("amount", new BigDecimal("100.00"));
    Client.Reply posted = client.post(RECORDS + "customerpayment", payment);
    assertEquals(204, posted.status(), () -> posted.json().toString());
    paymentId = Client.idFromLocation(posted);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private ObjectNode refund(String externalId, String amount) {
    ObjectNode body = Client.JSON.createObjectNode();
    body.put("externalId", externalId);
    body.putObject("customer").put("id", customerId);
    body.putObject("account").put("id", "1");
    ObjectNode line = body.putObject("apply").putArray("items").addObject();
    line.putObject("doc").put("id", String.valueOf(paymentId));
    line.put("apply", true);
    line.put("amount", new BigDecimal(amount));
    return body;
  }

  private ObjectNode unapplyTo(String amount) {
    ObjectNode body = Client.JSON.createObjectNode();
    body.putObject("customer").put("id", customerId);
    ObjectNode line = body.putObject("apply").putArray("items").addObject();
    line.putObject("doc").put("id", invoiceId);
    line.put("amount", new BigDecimal(amount));
    return body;
  }

  private double remaining() {
    return client.get(RECORDS + "invoice/" + invoiceId).json().get("amountRemaining").asDouble();
  }

  private JsonNode payment() {
    return client.get(RECORDS + "customerpayment/" + paymentId).json();
  }

  @Test
  void aRefundPaysOutOnlyWhatThePaymentDoesNotApply() {
    double before = remaining();
    Client.Reply allApplied = client.post(RECORDS + "customerrefund", refund("r-1", "30.00"));
    assertEquals(400, allApplied.status(), "nothing unapplied to refund yet");
    assertTrue(allApplied.json().toString().contains("invalid sublist or line item operation"));

    assertEquals(204, client.patch(RECORDS + "customerpayment/" + paymentId, unapplyTo("70.00")).status());
    assertEquals(before + 30, remaining(), 0.001, "the invoice owes the unapplied 30.00 again");
    assertEquals(30.0, payment().get("unapplied").asDouble(), 0.001);
    Client.Reply tooMuch = client.post(RECORDS + "customerrefund", refund("r-1", "30.01"));
    assertEquals(400, tooMuch.status());
    assertTrue(tooMuch.json().toString().contains("exceeds its unapplied amount (30"), tooMuch.json()::toString);

    Client.Reply refunded = client.post(RECORDS + "customerrefund", refund("r-1", "30.00"));
    assertEquals(204, refunded.status(), () -> refunded.json().toString());
    long refundId = Client.idFromLocation(refunded);
    JsonNode refund = client.get(RECORDS + "customerrefund/" + refundId + "?expandSubResources=true").json();
    assertEquals(30.0, refund.get("total").asDouble(), 0.001);
    assertEquals("r-1", refund.get("externalId").asText());
    assertEquals(String.valueOf(paymentId), refund.get("apply").get("items").get(0).get("doc").get("id").asText());
    assertEquals(0.0, payment().get("unapplied").asDouble(), 0.001, "refunded money is no longer unapplied");
    assertEquals(String.valueOf(refundId), client.get(RECORDS + "customerrefund/eid:r-1").json().get("id").asText());
    assertEquals("CustRfnd", client.suiteql("SELECT type FROM transaction WHERE id = " + refundId).json()
        .get("items").get(0).get("type").asText());

    assertEquals(400, client.post(RECORDS + "customerrefund", refund("r-1", "1.00")).status(),
        "an external id is taken once");
    assertEquals(400, client.patch(RECORDS + "customerpayment/" + paymentId, unapplyTo("100.00")).status(),
        "refunded money cannot be applied again");
    assertEquals(400, client.delete(RECORDS + "customerpayment/" + paymentId).status(),
        "a payment with a refund cannot be deleted");
  }

  @Test
  void deletingThePaymentMakesTheInvoiceOweAgainExceptInAClosedPeriod() {
    double paid = remaining();
    sandbox.data().closePeriodsThrough(LocalDate.now().plusMonths(1));
    Client.Reply closed = client.delete(RECORDS + "customerpayment/" + paymentId);
    assertEquals(400, closed.status());
    assertTrue(closed.json().toString().contains("is closed: this transaction cannot be deleted"),
        closed.json()::toString);
    assertEquals(400, client.patch(RECORDS + "customerpayment/" + paymentId, unapplyTo("70.00")).status());

    Client.Reply reopen = client.post("/sandbox/periods", Client.JSON.createObjectNode().putNull("closedThrough"));
    assertEquals(204, reopen.status());
    assertEquals(204, client.delete(RECORDS + "customerpayment/" + paymentId).status());
    assertEquals(paid + 100, remaining(), 0.001);
    assertEquals(404, client.delete(RECORDS + "customerpayment/" + paymentId).status(), "gone: a second delete");
  }
}
