package io.portico.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.Faults;
import io.portico.sandbox.auth.LoginAudit;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;
import io.portico.sandbox.rest.RecordRenderer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's own control API (no authentication, not governed), for demos and benchmarks:
 * <pre>
 * GET    /sandbox                          account id, today, record counts
 * GET    /sandbox/records/{type}/{id}      a record, expanded, in REST shape
 * POST   /sandbox/records/{type}           create (REST body) -> {"id": "..."}
 * POST   /sandbox/records/{type}/{id}      change fields like a NetSuite user (PATCH semantics; bumps lastModifiedDate)
 * PATCH  /sandbox/records/{type}/{id}      same
 * DELETE /sandbox/records/{type}/{id}      delete (shows up in SuiteQL's deletedrecord)
 * PUT    /sandbox/customrecords/{scriptId} {"fields": {"custrecord_x": "text|decimal|checkbox|date|select"}}
 *                                           defines a custom record type (or adds fields), served to SuiteQL as
 *                                           the table {scriptId}
 * POST   /sandbox/customrecords/{scriptId} {"name", "isInactive", "custrecord_x": value...} -> {"id": "..."}
 * GET    /sandbox/payments                 customer payments written through the API, expanded
 * GET    /sandbox/faults                   current fault switches
 * POST   /sandbox/faults                   {"latencyMillis","errorRate","slowPageEvery","slowPageMillis",
 *                                           "dropConnectionRate","lostAnswerRate","concurrencyLimit"} (any subset;
 *                                           "clear": true resets)
 * GET    /sandbox/login-audit              why recent requests got INVALID_LOGIN
 * </pre>
 */
public final class ControlEndpoint implements Endpoint {

  public static final String PREFIX = "/sandbox";

  private final Store store;
  private final RecordRenderer renderer;
  private final Faults faults;
  private final LoginAudit audit;
  private final String accountId;

  public ControlEndpoint(Store store, RecordRenderer renderer, Faults faults, LoginAudit audit, String accountId) {
    this.store = store;
    this.renderer = renderer;
    this.faults = faults;
    this.audit = audit;
    this.accountId = accountId;
  }

  @Override
  public Response handle(Request request) {
    List<String> parts = Arrays.stream(request.path().substring(PREFIX.length()).split("/"))
        .filter(s -> !s.isEmpty()).toList();
    String method = request.method();
    if (parts.isEmpty()) {
      return ok(info());
    }
    switch (parts.get(0)) {
      case "records" -> {
        return records(request, parts);
      }
      case "customrecords" -> {
        return customRecords(request, parts);
      }
      case "payments" -> {
        ArrayNode payments = Json.array();
        for (long id : store.writtenPaymentIds()) {
          store.find(RecordType.CUSTOMER_PAYMENT, id).ifPresent(p ->
              payments.add(renderer.render(p, request.root(), RecordRenderer.Options.EXPANDED)));
        }
        ObjectNode body = Json.object();
        body.set("items", payments);
        return ok(body);
      }
      case "faults" -> {
        if (method.equals("POST")) {
          applyFaults(Json.parseBody(request.body()));
        }
        return ok(faultsJson());
      }
      case "periods" -> {
        if (!method.equals("POST")) {
          throw NetSuiteException.methodNotAllowed(method);
        }
        JsonNode closed = Json.parseBody(request.body()).path("closedThrough");
        try {
          store.closePeriodsThrough(closed.isTextual() ? LocalDate.parse(closed.asText()) : null);
        } catch (DateTimeParseException e) {
          throw NetSuiteException.invalidContent("closedThrough must be a date (YYYY-MM-DD) or null.",
              "closedThrough");
        }
        return Response.noContent(null);
      }
      case "login-audit" -> {
        ObjectNode body = Json.object();
        ArrayNode reasons = body.putArray("rejections");
        audit.recentRejections().forEach(reasons::add);
        return ok(body);
      }
      default -> throw NetSuiteException.notFound("Unknown control resource " + request.path());
    }
  }

  private Response records(Request request, List<String> parts) {
    if (parts.size() < 2) {
      throw NetSuiteException.notFound("Use /sandbox/records/{type}[/{id}]");
    }
    RecordType type = RecordType.fromRestName(parts.get(1))
        .orElseThrow(() -> NetSuiteException.notFound("Unknown record type " + parts.get(1)));
    String method = request.method();
    if (parts.size() == 2) {
      if (!method.equals("POST")) {
        throw NetSuiteException.methodNotAllowed(method);
      }
      long id = store.create(type, Json.parseBody(request.body()));
      ObjectNode body = Json.object();
      body.put("id", String.valueOf(id));
      return Response.json(201, Response.PLAIN_JSON, body);
    }
    long id;
    try {
      id = Long.parseLong(parts.get(2));
    } catch (NumberFormatException e) {
      throw NetSuiteException.nonexistentId();
    }
    switch (method) {
      case "GET" -> {
        return ok(renderer.render(store.find(type, id).orElseThrow(NetSuiteException::nonexistentId),
            request.root(), RecordRenderer.Options.EXPANDED));
      }
      case "POST", "PATCH" -> {
        store.patch(type, id, Json.parseBody(request.body()), Set.of());
        return ok(renderer.render(store.find(type, id).orElseThrow(NetSuiteException::nonexistentId),
            request.root(), RecordRenderer.Options.EXPANDED));
      }
      case "DELETE" -> {
        store.delete(type, id);
        return Response.noContent(null);
      }
      default -> throw NetSuiteException.methodNotAllowed(method);
    }
  }

  private Response customRecords(Request request, List<String> parts) {
    if (parts.size() != 2) {
      throw NetSuiteException.notFound("Use /sandbox/customrecords/{scriptId}");
    }
    JsonNode body = Json.parseBody(request.body());
    switch (request.method()) {
      case "PUT" -> {
        store.customRecords().define(parts.get(1), body.has("fields") ? body.get("fields") : Json.object());
        return Response.noContent(null);
      }
      case "POST" -> {
        ObjectNode created = Json.object();
        created.put("id", String.valueOf(store.customRecords().create(parts.get(1), body)));
        return Response.json(201, Response.PLAIN_JSON, created);
      }
      default -> throw NetSuiteException.methodNotAllowed(request.method());
    }
  }

  private ObjectNode info() {
    ObjectNode body = Json.object();
    body.put("accountId", accountId);
    body.put("today", store.today().toString());
    body.put("timeZone", store.company().zone().getId());
    body.put("customers", store.customerCount());
    body.put("invoices", store.invoiceCount());
    body.put("firstCustomerId", String.valueOf(store.customerId(0)));
    if (store.invoiceCount() > 0) {
      body.put("firstInvoiceId", String.valueOf(store.invoiceId(0)));
    }
    return body;
  }

  private void applyFaults(JsonNode body) {
    if (body.path("clear").asBoolean(false)) {
      faults.clear();
    }
    if (body.has("latencyMillis")) {
      faults.latencyMillis(body.get("latencyMillis").asInt());
    }
    if (body.has("errorRate")) {
      faults.errorRate(body.get("errorRate").asDouble());
    }
    if (body.has("slowPageEvery")) {
      faults.slowPageEvery(body.get("slowPageEvery").asInt(), body.path("slowPageMillis").asInt(1000));
    }
    if (body.has("dropConnectionRate")) {
      faults.dropConnectionRate(body.get("dropConnectionRate").asDouble());
    }
    if (body.has("lostAnswerRate")) {
      faults.lostAnswerRate(body.get("lostAnswerRate").asDouble());
    }
    if (body.has("concurrencyLimit")) {
      faults.concurrencyLimit(body.get("concurrencyLimit").asInt());
    }
  }

  private ObjectNode faultsJson() {
    ObjectNode body = Json.object();
    body.put("latencyMillis", faults.latencyMillis());
    body.put("errorRate", faults.errorRate());
    body.put("slowPageEvery", faults.slowPageEvery());
    body.put("slowPageMillis", faults.slowPageMillis());
    body.put("dropConnectionRate", faults.dropConnectionRate());
    body.put("lostAnswerRate", faults.lostAnswerRate());
    body.put("concurrencyLimit", faults.concurrencyLimit());
    return body;
  }

  private static Response ok(ObjectNode body) {
    return Response.json(200, Response.PLAIN_JSON, body);
  }
}
