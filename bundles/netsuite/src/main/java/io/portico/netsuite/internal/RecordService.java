package io.portico.netsuite.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.RecordIdPage;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.internal.http.ApiRequest;
import io.portico.netsuite.internal.http.RequestExecutor;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The REST record service, {@code /services/rest/record/v1}. */
final class RecordService {

    private final RequestExecutor executor;
    private final Endpoints endpoints;
    private final ObjectMapper json;

    RecordService(RequestExecutor executor, Endpoints endpoints, ObjectMapper json) {
        this.executor = executor;
        this.endpoints = endpoints;
        this.json = json;
    }

    ObjectNode get(String recordType, String id, RecordReadOptions options) {
        Endpoints.Query query = new Endpoints.Query()
                .add("expandSubResources", options.expandSubResources() ? "true" : null)
                .add("fields", options.fields().isEmpty() ? null : String.join(",", options.fields()));
        ApiRequest request = ApiRequest.get(endpoints.record(recordType, id, query));
        JsonNode record = executor.execute(request, (status, headers, body) -> json.readTree(body));
        if (!(record instanceof ObjectNode object)) {
            throw new NetSuiteException(request.describe(), 200, null, "the answer is not a JSON object", null, null);
        }
        return object;
    }

    RecordIdPage list(String recordType, String q, int limit, int offset) {
        OffsetPaging.check(limit, offset);
        Endpoints.Query query = new Endpoints.Query().add("q", q).add("limit", limit).add("offset", offset);
        JsonNode page = executor.execute(ApiRequest.get(endpoints.records(recordType, query)),
                (status, headers, body) -> json.readTree(body));
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return new RecordIdPage(ids, page.path("offset").asInt(offset), page.path("hasMore").asBoolean(false),
                page.path("totalResults").asInt(-1));
    }

    long forEachId(String recordType, String q, Consumer<String> ids) {
        return OffsetPaging.readAll(NetSuiteClient.MAX_PAGE_SIZE, recordType + " list", (limit, offset) -> {
            RecordIdPage page = list(recordType, q, limit, offset);
            page.ids().forEach(ids);
            return new OffsetPaging.PageInfo(page.ids().size(), page.hasMore(), page.totalResults());
        });
    }

    /** Not idempotent: NetSuite may have created the record before a 5xx or a broken connection. */
    String create(String recordType, JsonNode body) {
        ApiRequest request = ApiRequest.json("POST", endpoints.records(recordType, new Endpoints.Query()),
                bytes(body), false);
        return executor.execute(request, (status, headers, answer) -> locationId(headers)
                .orElseThrow(() -> new NetSuiteException(request.describe(), status, null,
                        "NetSuite created the record but named no Location", null, null)));
    }

    /** Not idempotent: a PATCH may add sublist lines. */
    void update(String recordType, String id, JsonNode changes) {
        ApiRequest request = ApiRequest.json("PATCH", endpoints.record(recordType, id, new Endpoints.Query()),
                bytes(changes), false);
        executor.execute(request, (status, headers, answer) -> null);
    }

    Optional<String> upsert(String recordType, String externalId, JsonNode body) {
        URI uri = endpoints.record(recordType, Endpoints.externalId(externalId), new Endpoints.Query());
        return executor.execute(ApiRequest.json("PUT", uri, bytes(body), true),
                (status, headers, answer) -> locationId(headers));
    }

    /** Idempotent: a repeated delete changes nothing more (it answers 404). */
    void delete(String recordType, String id) {
        executor.execute(ApiRequest.delete(endpoints.record(recordType, id, new Endpoints.Query())),
                (status, headers, answer) -> null);
    }

    /** The new record's id: the last path segment of {@code Location: .../record/v1/customer/647}. */
    private static Optional<String> locationId(HttpHeaders headers) {
        return headers.firstValue("Location")
                .map(location -> URI.create(location).getPath())
                .map(path -> path.substring(path.lastIndexOf('/') + 1))
                .filter(id -> !id.isEmpty());
    }

    private byte[] bytes(JsonNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
