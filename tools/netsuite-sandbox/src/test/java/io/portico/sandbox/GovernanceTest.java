package io.portico.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GovernanceTest {

  private NetSuiteSandbox sandbox;
  private Client client;

  @BeforeEach
  void start() {
    sandbox = NetSuiteSandbox.builder().customers(3).invoicesPerCustomer(1).concurrencyLimit(2).start();
    client = new Client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void requestsBeyondTheConcurrencyLimitGet429() throws Exception {
    sandbox.faults().latencyMillis(400);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Client.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(pool.submit(() -> client.get("/services/rest/record/v1/customer")));
      }
      int ok = 0;
      int limited = 0;
      for (Future<Client.Reply> f : replies) {
        Client.Reply r = f.get();
        if (r.status() == 200) {
          ok++;
        } else {
          assertEquals(429, r.status());
          assertEquals("CONCURRENCY_LIMIT_EXCEEDED", r.errorCode());
          assertEquals("Too Many Requests", r.json().get("title").asText());
          limited++;
        }
      }
      assertTrue(ok >= 1 && ok <= 2, "at most the limit succeeds: " + ok);
      assertEquals(6 - ok, limited);
    } finally {
      pool.shutdownNow();
    }
    sandbox.faults().latencyMillis(0);
    assertEquals(200, client.get("/services/rest/record/v1/customer").status(), "slots are released");
  }

  @Test
  void injectedServerErrorsAndDroppedConnections() {
    sandbox.faults().errorRate(1.0);
    Client.Reply error = client.get("/services/rest/record/v1/customer");
    assertEquals(500, error.status());
    assertEquals("UNEXPECTED_ERROR", error.errorCode());
    assertTrue(error.errorDetail().startsWith("An unexpected error occurred. Error ID: "));
    sandbox.faults().errorRate(0).dropConnectionRate(1.0);
    assertThrows(UncheckedIOException.class, () -> client.get("/services/rest/record/v1/customer"));
    sandbox.faults().clear();
    assertEquals(200, client.get("/services/rest/record/v1/customer").status());
  }

  @Test
  void aLostAnswerLeavesTheCreateDone() {
    sandbox.faults().lostAnswerRate(1.0);
    assertThrows(UncheckedIOException.class, () -> client.post("/services/rest/record/v1/customer",
        Client.JSON.createObjectNode().put("companyName", "Lost Answer LLC").put("externalId", "LOST-1")));
    sandbox.faults().clear();
    assertEquals("Lost Answer LLC",
        client.get("/services/rest/record/v1/customer/eid:LOST-1").json().get("companyName").asText());
  }

  @Test
  void everyNthPageIsSlow() {
    sandbox.faults().slowPageEvery(2, 300);
    long start = System.nanoTime();
    client.suiteql("SELECT id FROM customer");
    long firstMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    client.suiteql("SELECT id FROM customer");
    long secondMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(secondMillis >= 300, "second page delayed: " + secondMillis);
    assertTrue(firstMillis < 300, "first page not delayed: " + firstMillis);
  }
}
