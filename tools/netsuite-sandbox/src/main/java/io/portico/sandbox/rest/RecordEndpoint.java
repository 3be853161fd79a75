package io.portico.sandbox.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.data.DateWindow;
import io.portico.sandbox.data.IdCursor;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.data.Subrecord;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /services/rest/record/v1/...}: list ({@code GET /{type}}), create ({@code POST /{type}}), read, update,
 * upsert and delete ({@code GET|PATCH|PUT|DELETE /{type}/{id|eid:x}}), sublists and subrecords
 * ({@code GET /{type}/{id}/{sublist}[/{line}]}) and the metadata catalog's record list.
 */
public final class RecordEndpoint implements Endpoint {

  public static final String PREFIX = "/services/rest/record/v1/";

  private final Store store;
  private final RecordRenderer renderer;

  public RecordEndpoint(Store store, RecordRenderer renderer) {
    this.store = store;
    this.renderer = renderer;
  }

  /** Whether a request fetches a page of a list (subject to slow-page faults). */
  public static boolean isList(Request request) {
    String rest = request.path().substring(Math.min(PREFIX.length(), request.path().length()));
    return request.method().equals("GET") && !rest.isEmpty() && !rest.contains("/");
  }

  @Override
  public Response handle(Request request) {
    String rest = request.path().length() > PREFIX.length() ? request.path().substring(PREFIX.length()) : "";
    List<String> parts = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
    if (parts.isEmpty() || parts.get(0).equalsIgnoreCase("metadata-catalog")) {
      return metadataCatalog(request);
    }
    RecordType type = RecordType.fromRestName(parts.get(0)).orElseThrow(() -> NetSuiteException.notFound(
        "Record type '" + parts.get(0) + "' does not exist or is not supported by the NetSuite sandbox."));
    String method = request.method();
    if (parts.size() == 1) {
      return switch (method) {
        case "GET" -> list(request, type);
        case "POST" -> created(request, type, store.create(type, Json.parseBody(request.body())));
        default -> throw NetSuiteException.methodNotAllowed(method);
      };
    }
    String idPart = parts.get(1);
    if (parts.size() > 2 && parts.get(2).startsWith("!")) {
      throw NetSuiteException.invalidRequest("The operation " + parts.get(2) + " is not supported by the NetSuite"
          + " sandbox.");
    }
    if (method.equals("PUT")) {
      if (parts.size() != 2 || !idPart.startsWith("eid:")) {
        throw NetSuiteException.invalidRequest("PUT (upsert) requires an external ID in the URL: /"
            + type.restName() + "/eid:{externalId}.");
      }
      Store.UpsertResult result = store.upsert(type, idPart.substring(4), Json.parseBody(request.body()));
      return created(request, type, result.id());
    }
    long id = resolveId(type, idPart);
    if (parts.size() > 2) {
      if (!method.equals("GET")) {
        throw NetSuiteException.methodNotAllowed(method);
      }
      return subResource(request, type, id, parts.subList(2, parts.size()));
    }
    return switch (method) {
      case "GET" -> read(request, type, id);
      case "PATCH" -> {
        store.patch(type, id, Json.parseBody(request.body()), replaceParam(request));
        yield created(request, type, id);
      }
      case "DELETE" -> {
        store.delete(type, id);
        yield Response.noContent(null);
      }
      default -> throw NetSuiteException.methodNotAllowed(method);
    };
  }

  private Response list(Request request, RecordType type) {
    Paging paging = Paging.of(request);
    String q = request.param("q");
    RecordQuery query = q == null || q.isBlank() ? null : RecordQuery.parse(q, type, store.company().zone());
    IdCursor ids = candidates(type, query);
    ArrayNode items = Json.array();
    long total = 0;
    for (long id = ids.nextId(); id != IdCursor.END; id = ids.nextId()) {
      if (query != null && !store.find(type, id).filter(query::matches).isPresent()) {
        continue;
      }
      if (total >= paging.offset() && total < (long) paging.offset() + paging.limit()) {
        ObjectNode item = items.addObject();
        item.set("links", Json.links("self", RecordRenderer.recordUrl(request.root(), type.restName(), id)));
        item.put("id", String.valueOf(id));
      }
      total++;
    }
    return Response.json(200, Response.COLLECTION, paging.envelope(request.baseUrl(), request.query(), items, total));
  }

  /** Ids worth checking: for transactions, a date filter skips generated slots outside the window. */
  private IdCursor candidates(RecordType type, RecordQuery query) {
    DateWindow window = query == null || !type.isTransaction() ? null : query.dateWindow();
    if (window == null) {
      return store.ids(type, Long.MIN_VALUE);
    }
    return store.transactionIdsWithDatesWithin(window.widened(), query.dateWindowIsActivity(), Long.MIN_VALUE,
        Long.MAX_VALUE, Set.of(type));
  }

  private Response read(Request request, RecordType type, long id) {
    RecordData record = store.find(type, id).orElseThrow(NetSuiteException::nonexistentId);
    return Response.json(200, Response.SINGULAR, renderer.render(record, request.root(), options(request)));
  }

  private Response subResource(Request request, RecordType type, long id, List<String> path) {
    RecordData record = store.find(type, id).orElseThrow(NetSuiteException::nonexistentId);
    String self = RecordRenderer.recordUrl(request.root(), type.restName(), id) + "/" + path.get(0);
    RecordRenderer.Options expanded = new RecordRenderer.Options(null, true, options(request).simpleEnumFormat());
    String name = record.sublists().keySet().stream().filter(n -> n.equalsIgnoreCase(path.get(0))).findFirst()
        .orElse(null);
    if (name != null) {
      List<Map<String, Object>> lines = record.sublists().get(name);
      if (path.size() == 1) {
        return Response.json(200, Response.COLLECTION, renderer.sublist(self, lines, request.root(), expanded));
      }
      Map<String, Object> line = lines.stream().filter(l -> RecordRenderer.lineKey(l).equals(path.get(1)))
          .findFirst().orElseThrow(NetSuiteException::nonexistentId);
      return Response.json(200, Response.SINGULAR, renderer.line(self + "/" + path.get(1), line, request.root(),
          expanded));
    }
    Object sub = record.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(path.get(0)))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    if (sub instanceof Subrecord s && path.size() == 1) {
      return Response.json(200, Response.SINGULAR, renderer.line(self, s.fields(), request.root(), expanded));
    }
    throw NetSuiteException.notFound("The sub-resource '" + String.join("/", path) + "' does not exist.");
  }

  private Response metadataCatalog(Request request) {
    ArrayNode items = Json.array();
    for (RecordType t : RecordType.values()) {
      ObjectNode item = items.addObject();
      item.put("name", t.restName());
      item.set("links", Json.links("canonical", request.root() + PREFIX + t.restName()));
    }
    ObjectNode body = Json.object();
    body.set("items", items);
    return Response.json(200, Response.COLLECTION, body);
  }

  private long resolveId(RecordType type, String idPart) {
    if (idPart.startsWith("eid:")) {
      return store.idOfExternalId(type, idPart.substring(4)).orElseThrow(NetSuiteException::nonexistentId);
    }
    try {
      return Long.parseLong(idPart);
    } catch (NumberFormatException e) {
      throw NetSuiteException.nonexistentId();
    }
  }

  private static RecordRenderer.Options options(Request request) {
    String fields = request.param("fields");
    Set<String> selected = fields == null || fields.isBlank() ? null
        : Arrays.stream(fields.split(",")).map(f -> f.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return new RecordRenderer.Options(selected, "true".equalsIgnoreCase(request.param("expandSubResources")),
        "true".equalsIgnoreCase(request.param("simpleEnumFormat")));
  }

  private static Set<String> replaceParam(Request request) {
    String replace = request.param("replace");
    Set<String> sublists = new HashSet<>();
    if (replace != null) {
      Arrays.stream(replace.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(sublists::add);
    }
    return sublists;
  }

  private static Response created(Request request, RecordType type, long id) {
    return Response.noContent(RecordRenderer.recordUrl(request.root(), type.restName(), id));
  }
}
