package io.portico.sandbox.suiteql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;
import io.portico.sandbox.rest.Paging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /services/rest/query/v1/suiteql?limit=&offset=} with {@code Prefer: transient} and body
 * {@code {"q": "SELECT ...", "params": [...]}}; answers a collection whose items hold every value as a string.
 */
public final class SuiteQlEndpoint implements Endpoint {

  private final QueryExecutor executor;

  public SuiteQlEndpoint(Store store, String accountId) {
    this.executor = new QueryExecutor(new SuiteQlTables(store, accountId), store);
  }

  @Override
  public Response handle(Request request) {
    if (!request.method().equals("POST")) {
      throw NetSuiteException.methodNotAllowed(request.method());
    }
    String prefer = request.header("Prefer");
    if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
      throw NetSuiteException.invalidHeader("The header 'Prefer: transient' is required for SuiteQL queries.",
          "Prefer");
    }
    Paging paging = Paging.of(request);
    JsonNode body = Json.parseBody(request.body());
    JsonNode q = body.get("q");
    if (q == null || !q.isTextual() || q.asText().isBlank()) {
      throw NetSuiteException.invalidContent("The request body must contain the query as {\"q\": \"SELECT ...\"}.",
          "q");
    }
    QueryResult result = executor.execute(q.asText(), params(body.get("params")), paging.limit(), paging.offset());
    // The envelope comes from Jackson's generator with an empty items array; the rows are written into it by hand
    // (ItemsJson), byte for byte what the generator would write for them.
    ByteArrayOutputStream envelope = new ByteArrayOutputStream(1024);
    int[] itemsAt = new int[1];
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(envelope)) {
      paging.writeEnvelope(g, request.baseUrl(), request.query(), result.rows().size(), result.totalResults(),
          items -> {
            items.flush();
            itemsAt[0] = envelope.size();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.bytes(200, Response.COLLECTION,
        ItemsJson.insertInto(envelope.toByteArray(), itemsAt[0], result));
  }

  private static List<Object> params(JsonNode node) {
    List<Object> params = new ArrayList<>();
    if (node == null || node.isNull()) {
      return params;
    }
    if (!node.isArray()) {
      throw NetSuiteException.invalidContent("params must be an array.", "params");
    }
    for (JsonNode p : node) {
      params.add(p.isNull() ? null : p.isNumber() ? p.numberValue() : p.asText());
    }
    return params;
  }
}
