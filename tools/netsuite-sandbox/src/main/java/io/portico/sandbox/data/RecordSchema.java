package io.portico.sandbox.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Body fields per record type: their kind, reference target and whether clients may write them. */
public final class RecordSchema {

  /** One body field. {@code target} is the reference target for {@link FieldKind#REFERENCE}. */
  public record Field(String name, FieldKind kind, String target, boolean writable) {
  }

  private static final Map<RecordType, RecordSchema> SCHEMAS = new EnumMap<>(RecordType.class);

  static {
    SCHEMAS.put(RecordType.CUSTOMER, entity()
        .rw("companyName", FieldKind.STRING).rw("isPerson", FieldKind.BOOLEAN).ref("parent", "customer")
        .ref("currency", "currency").ref("terms", "term").rw("comments", FieldKind.STRING)
        .ro("defaultAddress", FieldKind.STRING).ro("balance", FieldKind.NUMBER).ro("overdueBalance", FieldKind.NUMBER));
    SCHEMAS.put(RecordType.CONTACT, entity()
        .rw("firstName", FieldKind.STRING).rw("lastName", FieldKind.STRING).rw("title", FieldKind.STRING)
        .ref("company", "customer").rw("isPrivate", FieldKind.BOOLEAN));
    SCHEMAS.put(RecordType.VENDOR, entity()
        .rw("companyName", FieldKind.STRING).rw("isPerson", FieldKind.BOOLEAN).ref("currency", "currency")
        .ref("terms", "term"));
    SCHEMAS.put(RecordType.INVOICE, sale()
        .rw("dueDate", FieldKind.DATE).ref("account", "account").ro("amountPaid", FieldKind.NUMBER)
        .ro("amountRemaining", FieldKind.NUMBER).ro("amountRemainingTotalBox", FieldKind.NUMBER));
    SCHEMAS.put(RecordType.SALES_ORDER, sale());
    SCHEMAS.put(RecordType.CREDIT_MEMO, sale()
        .ro("applied", FieldKind.NUMBER).ro("unapplied", FieldKind.NUMBER).ro("amountRemaining", FieldKind.NUMBER));
    SCHEMAS.put(RecordType.ITEM_FULFILLMENT, transaction()
        .ref("entity", "customer").ref("createdFrom", null).ref("shipMethod", "shipitem")
        .ro("shippingAddress_text", FieldKind.STRING));
    SCHEMAS.put(RecordType.CUSTOMER_PAYMENT, transaction()
        .ref("customer", "customer").rw("payment", FieldKind.NUMBER).ro("total", FieldKind.NUMBER)
        .ro("applied", FieldKind.NUMBER).ro("unapplied", FieldKind.NUMBER).ref("account", "account")
        .ref("arAcct", "account").rw("checkNumber", FieldKind.STRING).rw("autoApply", FieldKind.BOOLEAN)
        .rw("toBeEmailed", FieldKind.BOOLEAN).rw("undepFunds", FieldKind.CHOICE));
    SCHEMAS.put(RecordType.CUSTOMER_REFUND, transaction()
        .ref("customer", "customer").ref("account", "account").ro("total", FieldKind.NUMBER)
        .rw("toBeEmailed", FieldKind.BOOLEAN));
  }

  private final Map<String, Field> byLowerName = new LinkedHashMap<>();

  private RecordSchema() {
  }

  public static RecordSchema of(RecordType type) {
    return SCHEMAS.get(type);
  }

  /** Field names match case-insensitively, as NetSuite accepts {@code lastmodifieddate} for {@code lastModifiedDate}. */
  public Optional<Field> field(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  public Set<String> lowerCaseNames() {
    return Collections.unmodifiableSet(byLowerName.keySet());
  }

  private static RecordSchema common() {
    return new RecordSchema().ro("id", FieldKind.NUMBER).rw("externalId", FieldKind.STRING)
        .ref("subsidiary", "subsidiary").ro("lastModifiedDate", FieldKind.DATETIME);
  }

  private static RecordSchema entity() {
    return common().rw("entityId", FieldKind.STRING).rw("email", FieldKind.STRING).rw("phone", FieldKind.STRING)
        .rw("isInactive", FieldKind.BOOLEAN).ro("dateCreated", FieldKind.DATETIME);
  }

  private static RecordSchema transaction() {
    return common().rw("tranId", FieldKind.STRING).rw("tranDate", FieldKind.DATE)
        .ref("postingPeriod", "accountingperiod").ref("currency", "currency").rw("exchangeRate", FieldKind.NUMBER)
        .rw("memo", FieldKind.STRING).rw("status", FieldKind.STATUS).rw("customForm", FieldKind.CHOICE)
        .ro("createdDate", FieldKind.DATETIME);
  }

  private static RecordSchema sale() {
    return transaction().ref("entity", "customer").ref("terms", "term").rw("otherRefNum", FieldKind.STRING)
        .rw("email", FieldKind.STRING).ref("createdFrom", null).ro("subtotal", FieldKind.NUMBER)
        .ro("discountTotal", FieldKind.NUMBER).ro("taxTotal", FieldKind.NUMBER).ro("total", FieldKind.NUMBER)
        .ro("billingAddress_text", FieldKind.STRING);
  }

  private RecordSchema rw(String name, FieldKind kind) {
    byLowerName.put(name.toLowerCase(Locale.ROOT), new Field(name, kind, null, true));
    return this;
  }

  private RecordSchema ro(String name, FieldKind kind) {
    byLowerName.put(name.toLowerCase(Locale.ROOT), new Field(name, kind, null, false));
    return this;
  }

  private RecordSchema ref(String name, String target) {
    byLowerName.put(name.toLowerCase(Locale.ROOT), new Field(name, FieldKind.REFERENCE, target, target != null));
    return this;
  }
}
