package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies REST writes (create, PATCH, upsert, delete) to the overlay with NetSuite's defaults and validations.
 * Unknown body fields are ignored, as with NetSuite's default {@code X-NetSuite-PropertyNameValidation: Warning}.
 * Called by the {@link Store} under its write lock.
 */
final class RecordWriter {

  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String DEPENDENT_RECORDS = "This record cannot be deleted because it has dependent records.";

  private final Store store;
  private final Overlay overlay;
  private final SandboxClock clock;
  private final BodyParser parser;
  private final LineItems lineItems;
  private final Applications applications;
  private final RefundLines refundLines;

  RecordWriter(Store store, Overlay overlay, SandboxClock clock) {
    this.store = store;
    this.overlay = overlay;
    this.clock = clock;
    this.parser = new BodyParser(store);
    this.lineItems = new LineItems(parser);
    this.applications = new Applications(store, parser);
    this.refundLines = new RefundLines(store, parser);
  }

  long create(RecordType type, JsonNode body) {
    return createWithExternalId(type, body, null);
  }

  long createWithExternalId(RecordType type, JsonNode body, String urlExternalId) {
    requireObject(body);
    String externalId = urlExternalId != null ? urlExternalId : textOrNull(body.get("externalId"));
    if (externalId != null) {
      checkExternalId(type, externalId, -1);
    }
    Instant now = clock.now();
    RecordData record = new RecordData(type, overlay.allocateId(type));
    applyDefaults(record, now);
    writeFields(record, body, Set.of());
    if (externalId != null) {
      record.set("externalId", externalId);
    }
    fillDependentDefaults(record, now);
    finish(record, Set.of());
    return record.id();
  }

  void update(RecordType type, long id, JsonNode body, Set<String> replaceSublists) {
    requireObject(body);
    RecordData record = store.base(type, id).orElseThrow(NetSuiteException::nonexistentId).copy();
    checkOpenPeriod(record, "changed");
    Set<Long> appliedBefore = appliedInvoices(record);
    String oldExternalId = record.string("externalId");
    String newExternalId = body.has("externalId") ? textOrNull(body.get("externalId")) : oldExternalId;
    if (newExternalId != null && !newExternalId.equals(oldExternalId)) {
      checkExternalId(type, newExternalId, id);
    }
    writeFields(record, body, replaceSublists);
    record.set("lastModifiedDate", clock.now());
    if (oldExternalId != null && !oldExternalId.equals(record.string("externalId"))) {
      overlay.unbindExternalId(type, oldExternalId);
    }
    finish(record, appliedBefore);
  }

  void delete(RecordType type, long id) {
    RecordData record = store.base(type, id).orElseThrow(NetSuiteException::nonexistentId);
    checkOpenPeriod(record, "deleted");
    if (type == RecordType.INVOICE && !store.applicationsTo(id).isEmpty()) {
      throw NetSuiteException.userError(DEPENDENT_RECORDS, null);
    }
    if (type == RecordType.CUSTOMER && !store.invoiceIdsOf(id).isEmpty()) {
      throw NetSuiteException.userError(DEPENDENT_RECORDS, null);
    }
    if (type == RecordType.CUSTOMER_PAYMENT && store.refundedFrom(id, -1).signum() > 0) {
      throw NetSuiteException.userError(DEPENDENT_RECORDS, null);
    }
    Set<Long> applied = appliedInvoices(record);
    String externalId = record.string("externalId");
    overlay.markDeleted(type, id,
        new DeletedRecord(type, id, store.displayName(record), externalId, clock.now()));
    if (externalId != null) {
      overlay.unbindExternalId(type, externalId);
    }
    if (!applied.isEmpty()) {
      overlay.indexApplications(id, Set.of());
      touchInvoices(applied);
    }
  }

  // ---------------------------------------------------------------- body

  private void writeFields(RecordData record, JsonNode body, Set<String> replaceSublists) {
    RecordType type = record.type();
    RecordSchema schema = RecordSchema.of(type);
    Iterator<Map.Entry<String, JsonNode>> it = body.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Optional<RecordSchema.Field> field = schema.field(e.getKey());
      if (field.isPresent() && field.get().writable() && !isDerived(type, field.get().name())) {
        String name = field.get().name();
        record.set(name, parser.parse(type, field.get(), e.getValue(), name));
      } else if (field.isEmpty() && type.isTransaction() && isCustomBodyField(e.getKey())) {
        // A custom transaction body field the account defined (custbody_*): kept as text, null clears it.
        record.set(e.getKey(), e.getValue().isNull() ? null : parser.text(e.getValue(), e.getKey()));
      }
    }
    JsonNode items = body.get("item");
    if (items != null && hasItemSublist(type)) {
      lineItems.write(record, items, replaceSublists.contains("item"));
    }
    JsonNode apply = body.get("apply");
    if (apply != null && (hasApplySublist(type) || type == RecordType.CUSTOMER_REFUND)) {
      Ref customer = record.ref(customerField(type));
      if (customer == null) {
        throw NetSuiteException.userError("Please enter value(s) for: Customer", customerField(type));
      }
      if (type == RecordType.CUSTOMER_REFUND) {
        refundLines.write(record, customer, apply);
      } else {
        applications.write(record, customer, apply, replaceSublists.contains("apply"));
      }
    }
  }

  /** NetSuite's ids of custom transaction body fields: {@code custbody} and lower-case letters, digits, {@code _}. */
  static boolean isCustomBodyField(String name) {
    return name.matches("custbody[a-z0-9_]{1,90}");
  }

  /** Status and money totals of invoices and credit memos follow from their lines and applications. */
  private static boolean isDerived(RecordType type, String field) {
    return field.equals("status") && (type == RecordType.INVOICE || type == RecordType.CREDIT_MEMO);
  }

  private void applyDefaults(RecordData r, Instant now) {
    r.set("subsidiary", new Ref("subsidiary", Catalog.SUBSIDIARY_ID)).set("lastModifiedDate", now);
    if (r.type().isTransaction()) {
      r.set("createdDate", now).set("tranDate", LocalDate.ofInstant(now, store.company().zone()));
    } else {
      r.set("dateCreated", now).set("isInactive", false);
    }
    switch (r.type()) {
      case CUSTOMER, VENDOR -> r.set("isPerson", false).set("currency", new Ref("currency", 1))
          .set("terms", new Ref("term", 2));
      case CONTACT -> r.set("isPrivate", false);
      case SALES_ORDER -> r.set("status", TransactionStatus.SALES_ORDER_PENDING_FULFILLMENT)
          .set("customForm", RecordFactory.SALES_ORDER_FORM);
      case INVOICE -> r.set("customForm", RecordFactory.INVOICE_FORM)
          .set("account", new Ref("account", Catalog.ACCOUNTS_RECEIVABLE.id()));
      case CREDIT_MEMO -> r.set("customForm", RecordFactory.CREDIT_MEMO_FORM);
      case CUSTOMER_PAYMENT -> r.set("status", TransactionStatus.PAYMENT_NOT_DEPOSITED)
          .set("customForm", RecordFactory.PAYMENT_FORM)
          .set("account", new Ref("account", Catalog.UNDEPOSITED_FUNDS.id()))
          .set("arAcct", new Ref("account", Catalog.ACCOUNTS_RECEIVABLE.id()));
      default -> {
      }
    }
  }

  /** Defaults that depend on what the client sent: numbering, the customer's currency and terms, due date. */
  private void fillDependentDefaults(RecordData r, Instant now) {
    RecordType type = r.type();
    if (type.isTransaction()) {
      if (r.get("tranId") == null) {
        r.set("tranId", tranIdPrefix(type) + overlay.nextDocumentNumber());
      }
      r.set("postingPeriod", r.get("postingPeriod") != null ? r.get("postingPeriod")
          : new Ref("accountingperiod", AccountingPeriods.idOf(r.date("tranDate"))));
      Ref customer = r.ref(customerField(type));
      if (customer == null) {
        throw NetSuiteException.userError("Please enter value(s) for: Customer", customerField(type));
      }
      store.base(RecordType.CUSTOMER, customer.id()).ifPresent(c -> inheritFromCustomer(r, c));
    } else if (r.get("entityId") == null) {
      String name = type == RecordType.CONTACT ? joinNames(r) : r.string("companyName");
      if (type != RecordType.CONTACT && name == null) {
        throw NetSuiteException.userError("Please enter value(s) for: Company Name", "companyName");
      }
      if (name == null) {
        throw NetSuiteException.userError("Please enter value(s) for: Name", "entityId");
      }
      r.set("entityId", type == RecordType.CUSTOMER ? "C" + (10000 + r.id()) : name);
    }
    if (type == RecordType.CUSTOMER && r.get("companyName") == null) {
      throw NetSuiteException.userError("Please enter value(s) for: Company Name", "companyName");
    }
  }

  private void inheritFromCustomer(RecordData r, RecordData customer) {
    if (r.get("currency") == null) {
      r.set("currency", customer.get("currency"));
    }
    if (r.get("exchangeRate") == null) {
      r.set("exchangeRate", RecordFactory.exchangeRate(r.ref("currency").id()));
    }
    if (r.type() == RecordType.INVOICE || r.type() == RecordType.SALES_ORDER) {
      if (r.get("terms") == null) {
        r.set("terms", customer.get("terms"));
      }
      r.set("email", r.get("email") != null ? r.get("email") : customer.get("email"));
      customer.sublist("addressBook").stream().findFirst().ifPresent(a -> {
        Subrecord address = (Subrecord) a.get("addressBookAddress");
        r.set("billingAddress", new Subrecord(address.fields()));
        r.set("billingAddress_text", a.get("addressBookAddress_text"));
      });
    }
    if (r.type() == RecordType.INVOICE && r.get("dueDate") == null) {
      int days = Catalog.term(r.ref("terms").id()).map(Catalog.Term::days).orElse(30);
      r.set("dueDate", r.date("tranDate").plusDays(days));
    }
  }

  // ---------------------------------------------------------------- consistency

  /** Validates totals, stores the record and re-indexes what it applies to. */
  private void finish(RecordData r, Set<Long> appliedBefore) {
    RecordType type = r.type();
    if (hasItemSublist(type)) {
      if (r.sublist("item").isEmpty()) {
        throw NetSuiteException.userError("You must enter at least one line item for this transaction.", "item");
      }
      LineItems.recomputeTotals(r);
    }
    if (type == RecordType.INVOICE) {
      BigDecimal applied = store.applicationsTo(r.id()).stream().map(DemoCompany.Application::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (r.decimal("total").compareTo(applied) < 0) {
        throw NetSuiteException.userError("The invoice total cannot be less than the amount already applied to it ("
            + applied.toPlainString() + ").", "item");
      }
    }
    if (type == RecordType.CUSTOMER_PAYMENT) {
      BigDecimal applied = Applications.totalApplied(r);
      BigDecimal payment = r.get("payment") != null ? r.decimal("payment") : applied;
      if (payment.signum() <= 0) {
        throw NetSuiteException.userError("Please enter value(s) for: Payment Amount", "payment");
      }
      if (applied.compareTo(payment) > 0) {
        throw NetSuiteException.userError("The total amount applied (" + applied.toPlainString()
            + ") exceeds the payment amount (" + payment.toPlainString() + ").", "payment");
      }
      BigDecimal refunded = store.refundedFrom(r.id(), -1);
      if (applied.add(refunded).compareTo(payment) > 0) {
        throw NetSuiteException.userError("The total amount applied (" + applied.toPlainString()
            + ") and refunded (" + refunded.toPlainString() + ") exceeds the payment amount ("
            + payment.toPlainString() + ").", "apply");
      }
      r.set("payment", payment).set("total", payment).set("applied", applied)
          .set("unapplied", payment.subtract(applied));
    }
    if (type == RecordType.CUSTOMER_REFUND) {
      if (r.ref("account") == null) {
        throw NetSuiteException.userError("Please enter value(s) for: Account", "account");
      }
      BigDecimal total = Applications.totalApplied(r);
      if (total.signum() <= 0) {
        throw NetSuiteException.userError("You must enter at least one line item for this transaction.", "apply");
      }
      r.set("total", total);
    }
    if (type == RecordType.CREDIT_MEMO) {
      BigDecimal applied = Applications.totalApplied(r);
      if (applied.compareTo(r.decimal("total")) > 0) {
        throw NetSuiteException.userError("The total amount applied (" + applied.toPlainString()
            + ") exceeds the credit memo total (" + r.decimal("total").toPlainString() + ").", "apply");
      }
      BigDecimal unapplied = r.decimal("total").subtract(applied);
      r.set("applied", applied).set("unapplied", unapplied).set("amountRemaining", unapplied)
          .set("status", unapplied.signum() == 0 ? TransactionStatus.CREDIT_MEMO_FULLY_APPLIED
              : TransactionStatus.CREDIT_MEMO_OPEN);
    }
    overlay.put(r);
    if (r.string("externalId") != null) {
      overlay.bindExternalId(type, r.string("externalId"), r.id());
    }
    if (hasApplySublist(type)) {
      Set<Long> appliedNow = appliedInvoices(r);
      overlay.indexApplications(r.id(), appliedNow);
      Set<Long> touched = new HashSet<>(appliedBefore);
      touched.addAll(appliedNow);
      touchInvoices(touched);
    }
    if (type == RecordType.CUSTOMER_PAYMENT) {
      overlay.recordWrittenPayment(r.id());
    }
  }

  /** Applying or un-applying changes an invoice's amount due and status, so NetSuite bumps its last-modified date. */
  private void touchInvoices(Set<Long> invoiceIds) {
    Instant now = clock.now();
    for (long invoiceId : invoiceIds) {
      store.base(RecordType.INVOICE, invoiceId).ifPresent(inv -> overlay.put(inv.copy().set("lastModifiedDate", now)));
    }
  }

  private static Set<Long> appliedInvoices(RecordData r) {
    Set<Long> ids = new HashSet<>();
    r.sublist("apply").forEach(l -> ids.add(((Ref) l.get("doc")).id()));
    return ids;
  }

  /** NetSuite refuses to change or delete a transaction whose posting period is closed. */
  private void checkOpenPeriod(RecordData record, String what) {
    Ref period = record.ref("postingPeriod");
    if (record.type().isTransaction() && period != null && store.isClosedPeriod(period.id())) {
      throw NetSuiteException.userError("The accounting period " + AccountingPeriods.nameOf(period.id())
          + " is closed: this transaction cannot be " + what + ".", "postingPeriod");
    }
  }

  /** The body field naming the customer: payments and refunds have {@code customer}, sales transactions entity. */
  private static String customerField(RecordType type) {
    return type == RecordType.CUSTOMER_PAYMENT || type == RecordType.CUSTOMER_REFUND ? "customer" : "entity";
  }

  private void checkExternalId(RecordType type, String externalId, long ownId) {
    if (!EXTERNAL_ID.matcher(externalId).matches()) {
      throw NetSuiteException.invalidContent("Invalid external ID '" + externalId
          + "'. Use only letters, digits, underscores and hyphens.", "externalId");
    }
    Optional<Long> holder = store.idOfExternalId(type, externalId);
    if (holder.isPresent() && holder.get() != ownId) {
      throw NetSuiteException.userError("A " + type.restName() + " record with external ID '" + externalId
          + "' already exists.", "externalId");
    }
  }

  private static boolean hasItemSublist(RecordType type) {
    return type == RecordType.INVOICE || type == RecordType.SALES_ORDER || type == RecordType.CREDIT_MEMO;
  }

  private static boolean hasApplySublist(RecordType type) {
    return type == RecordType.CUSTOMER_PAYMENT || type == RecordType.CREDIT_MEMO;
  }

  private static String tranIdPrefix(RecordType type) {
    return switch (type) {
      case INVOICE -> "INV";
      case SALES_ORDER -> "SO";
      case CREDIT_MEMO -> "CM";
      case ITEM_FULFILLMENT -> "IF";
      case CUSTOMER_REFUND -> "RFND";
      default -> "PYMT";
    };
  }

  private static String joinNames(RecordData r) {
    String first = r.string("firstName");
    String last = r.string("lastName");
    if (first == null && last == null) {
      return null;
    }
    return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw NetSuiteException.invalidContent("The request body must be a JSON object.", null);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
