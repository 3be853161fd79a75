package io.portico.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.rest.RecordRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Control API over the sandbox's data, for tests and demos: change records the way NetSuite users would (each change
 * bumps {@code lastModifiedDate}; deletes show up in SuiteQL's {@code deletedrecord}) and read back what clients
 * wrote, notably customer payments. Record types are REST record names ({@code customer}, {@code invoice}, ...);
 * bodies and results use the REST record JSON shape as plain maps. Rejected changes throw
 * {@link NetSuiteException} with the error NetSuite would give.
 */
public final class SandboxData {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final Store store;
  private final RecordRenderer renderer;
  private final String baseUrl;

  SandboxData(Store store, RecordRenderer renderer, String baseUrl) {
    this.store = store;
    this.renderer = renderer;
    this.baseUrl = baseUrl;
  }

  /** The fixed date the demo company was generated around. */
  public LocalDate today() {
    return store.today();
  }

  public int customerCount() {
    return store.customerCount();
  }

  /** Internal id of the {@code index}-th generated customer (0-based). */
  public long customerId(int index) {
    return store.customerId(index);
  }

  public int invoiceCount() {
    return store.invoiceCount();
  }

  /**
   * Internal id of the {@code index}-th generated invoice (0-based); it belongs to customer
   * {@code index % customerCount()}.
   */
  public long invoiceId(int index) {
    return store.invoiceId(index);
  }

  /** The record as {@code GET /record/v1/{type}/{id}?expandSubResources=true} returns it; empty if it is gone. */
  public Optional<Map<String, Object>> record(String type, long id) {
    return store.find(type(type), id).map(r -> Json.MAPPER.convertValue(
        renderer.render(r, baseUrl, RecordRenderer.Options.EXPANDED), MAP));
  }

  /** Creates a record from a REST-shaped body and returns its new internal id. */
  public long create(String type, Map<String, Object> body) {
    return store.create(type(type), Json.MAPPER.valueToTree(body));
  }

  /** Changes fields the way {@code PATCH} does and bumps {@code lastModifiedDate}. */
  public void patch(String type, long id, Map<String, Object> fields) {
    store.patch(type(type), id, Json.MAPPER.valueToTree(fields), Set.of());
  }

  /** Deletes a record; it then appears in SuiteQL's {@code deletedrecord} table. */
  public void delete(String type, long id) {
    store.delete(type(type), id);
  }

  /**
   * Closes the posting periods up to the one of {@code date} (reopens all when null): NetSuite then refuses to change
   * or delete their transactions.
   */
  public void closePeriodsThrough(LocalDate date) {
    store.closePeriodsThrough(date);
  }

  /** Internal id of the record with this external id, if any. */
  public Optional<Long> idOfExternalId(String type, String externalId) {
    return store.idOfExternalId(type(type), externalId);
  }

  /** Customer payments created or changed through the API, in creation order, in REST shape (expanded). */
  public List<Map<String, Object>> payments() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long id : store.writtenPaymentIds()) {
      record("customerpayment", id).ifPresent(out::add);
    }
    return out;
  }

  private static RecordType type(String name) {
    return RecordType.fromRestName(name)
        .orElseThrow(() -> new IllegalArgumentException("Unknown record type '" + name + "'"));
  }
}
