package io.portico.sandbox.suiteql;


import io.portico.sandbox.data.Catalog;
import io.portico.sandbox.data.Choice;
import io.portico.sandbox.data.CustomRecords;
import io.portico.sandbox.data.DeletedRecord;
import io.portico.sandbox.data.DemoCompany;
import io.portico.sandbox.data.FileAttachment;
import io.portico.sandbox.data.IdCursor;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.RecordType;
import io.portico.sandbox.data.Ref;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.data.Subrecord;
import io.portico.sandbox.data.TransactionStatus;
import io.portico.sandbox.files.MediaEndpoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SuiteQL tables the sandbox knows, by lower-case name, with their columns. */
final class SuiteQlTables {

  /** Transaction billing addresses get their own key range (nkey = this + transaction id). */
  static final long TRANSACTION_ADDRESS_OFFSET = 10_000_000;

  private static final Set<RecordType> SALES = Set.of(RecordType.INVOICE, RecordType.SALES_ORDER,
      RecordType.CREDIT_MEMO);

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Store store;

  SuiteQlTables(Store store, String accountId) {
    this.store = store;
    TransactionTable transactions = new TransactionTable(store, transactionColumns());
    register(transactions);
    register(new TransactionLineTable(store, transactions, transactionLineColumns()));
    register(new EntityTable("customer", RecordType.CUSTOMER, store, customerColumns()));
    register(new EntityTable("contact", RecordType.CONTACT, store, contactColumns()));
    register(new EntityTable("vendor", RecordType.VENDOR, store, vendorColumns()));
    Table entityAddress = entityAddressTable("entityaddress");
    register(entityAddress);
    register(entityAddressTable("customeraddressbookentityaddress"));
    register(customerAddressbookTable());
    register(transactionBillingAddressTable());
    for (String name : List.of("nexttransactionlinelink", "previoustransactionlinelink")) {
      register(linkTable(name, true));
    }
    for (String name : List.of("nexttransactionlink", "previoustransactionlink")) {
      register(linkTable(name, false));
    }
    register(trackingNumberTable());
    register(trackingNumberMapTable());
    register(fileTable(accountId));
    register(listTables());
  }

  Optional<Table> table(String name) {
    Table known = tables.get(name.toLowerCase(Locale.ROOT));
    return known != null ? Optional.of(known) : store.customRecords().type(name).map(SuiteQlTables::customRecordTable);
  }

  private void register(Table t) {
    tables.put(t.name(), t);
  }

  private void register(List<Table> ts) {
    ts.forEach(this::register);
  }

  // ---------------------------------------------------------------- transactions

  private List<Column> transactionColumns() {
    return new Columns<LazyRecord>()
        .add("id", LazyRecord::id)
        .add("tranid", r -> r.text("tranId"))
        .add("transactionnumber", r -> r.text("tranId"))
        .add("trandisplayname", r -> r.stored() == null ? null : store.displayName(r.stored()))
        .add("type", r -> r.type().transactionCode(), r -> r.type().displayName())
        .add("recordtype", r -> r.type().restName())
        .add("status", r -> status(r) == null ? null : status(r).letter(),
            r -> status(r) == null ? null : status(r).displayValue())
        .add("trandate", r -> r.field("tranDate"))
        .add("duedate", r -> r.field("dueDate"))
        .add("entity", r -> customerRef(r) == null ? null : customerRef(r).id(),
            r -> customerRef(r) == null ? null : store.refName(customerRef(r)))
        .add("currency", r -> r.refId("currency"), r -> r.refName("currency"))
        .add("exchangerate", r -> r.decimal("exchangeRate"))
        .add("foreigntotal", SuiteQlTables::total)
        .add("foreignamountpaid", r -> r.type() == RecordType.INVOICE ? r.decimal("amountPaid") : null)
        .add("foreignamountunpaid", SuiteQlTables::unpaid)
        .add("foreignamountremaining", SuiteQlTables::unpaid)
        .add("foreignpaymentamountused", r -> isApplier(r) ? r.decimal("applied") : null)
        .add("foreignpaymentamountunused", r -> isApplier(r) ? r.decimal("unapplied") : null)
        .add("memo", r -> r.text("memo"))
        .add("otherrefnum", r -> r.type() == RecordType.CUSTOMER_PAYMENT ? r.text("checkNumber")
            : r.text("otherRefNum"))
        .add("terms", r -> r.refId("terms"), r -> r.refName("terms"))
        .add("subsidiary", r -> r.refId("subsidiary"), r -> r.refName("subsidiary"))
        .add("postingperiod", r -> r.refId("postingPeriod"), r -> r.refName("postingPeriod"))
        .add("createdfrom", r -> r.refId("createdFrom"), r -> r.refName("createdFrom"))
        .add("shipmethod", r -> r.refId("shipMethod"), r -> r.refName("shipMethod"))
        .add("billingaddress", r -> r.field("billingAddress") == null ? null
            : TRANSACTION_ADDRESS_OFFSET + r.id(), r -> r.text("billingAddress_text"))
        .add("email", r -> r.text("email"))
        .add("externalid", r -> r.text("externalId"))
        .add("createddate", r -> r.field("createdDate"))
        .add("lastmodifieddate", r -> r.field("lastModifiedDate"))
        .add("posting", r -> r.type() == RecordType.SALES_ORDER ? "F" : "T")
        .add("voided", r -> "F")
        .build();
  }

  private List<Column> transactionLineColumns() {
    return new Columns<TransactionLineTable.LineRow>()
        .add("transaction", l -> l.transaction().id(), l -> displayOf(l.transaction()))
        .add("id", l -> (long) l.lineId())
        .add("linesequencenumber", l -> (long) l.lineId())
        .add("uniquekey", l -> l.transaction().id() * 1000 + l.lineId())
        .add("mainline", l -> l.item() == null ? "T" : "F")
        .add("taxline", l -> "F")
        .add("item", l -> lineItem(l) == null ? null : lineItem(l).id(),
            l -> lineItem(l) == null ? null : store.refName(lineItem(l)))
        .add("itemtype", l -> l.item() == null ? null : l.item().itemType())
        .add("quantity", l -> l.item() == null ? null : signed(l, l.item().quantity()))
        .add("rate", l -> l.item() == null ? null : l.item().rate())
        .add("foreignamount", SuiteQlTables::lineAmount)
        .add("netamount", SuiteQlTables::lineAmount)
        .add("amount", l -> baseCurrency(lineAmount(l), l.transaction()))
        .add("memo", l -> l.item() == null ? l.transaction().text("memo") : l.item().description())
        .add("accountinglinetype", l -> l.item() == null || l.transaction().type() == RecordType.SALES_ORDER
            || l.transaction().type() == RecordType.ITEM_FULFILLMENT ? null : "INCOME")
        .add("entity", l -> customerRef(l.transaction()) == null ? null : customerRef(l.transaction()).id(),
            l -> customerRef(l.transaction()) == null ? null : store.refName(customerRef(l.transaction())))
        .add("subsidiary", l -> l.transaction().refId("subsidiary"), l -> l.transaction().refName("subsidiary"))
        .add("isclosed", l -> l.item() != null && Boolean.TRUE.equals(l.item().isClosed()) ? "T" : "F")
        .add("department", l -> null)
        .add("class", l -> null)
        .add("location", l -> null)
        .add("linelastmodifieddate", l -> l.transaction().field("lastModifiedDate"))
        .build();
  }

  // ---------------------------------------------------------------- entities

  private List<Column> customerColumns() {
    return new Columns<LazyRecord>()
        .add("id", LazyRecord::id)
        .add("entityid", r -> r.text("entityId"))
        .add("entitytitle", r -> r.stored() == null ? null : store.displayName(r.stored()))
        .add("companyname", r -> r.text("companyName"))
        .add("altname", r -> r.text("companyName"))
        .add("email", r -> r.text("email"))
        .add("phone", r -> r.text("phone"))
        .add("parent", r -> r.refId("parent"), r -> r.refName("parent"))
        .add("currency", r -> r.refId("currency"), r -> r.refName("currency"))
        .add("terms", r -> r.refId("terms"), r -> r.refName("terms"))
        .add("subsidiary", r -> r.refId("subsidiary"), r -> r.refName("subsidiary"))
        .add("balance", r -> r.decimal("balance"))
        .add("balancesearch", r -> r.decimal("balance"))
        .add("isinactive", r -> r.flag("isInactive"))
        .add("isperson", r -> r.flag("isPerson"))
        .add("defaultbillingaddress", r -> hasAddress(r) ? r.id() : null, r -> r.text("defaultAddress"))
        .add("defaultshippingaddress", r -> hasAddress(r) ? r.id() : null, r -> r.text("defaultAddress"))
        .add("externalid", r -> r.text("externalId"))
        .add("datecreated", r -> r.field("dateCreated"))
        .add("lastmodifieddate", r -> r.field("lastModifiedDate"))
        .build();
  }

  private List<Column> contactColumns() {
    return new Columns<LazyRecord>()
        .add("id", LazyRecord::id)
        .add("entityid", r -> r.text("entityId"))
        .add("firstname", r -> r.text("firstName"))
        .add("lastname", r -> r.text("lastName"))
        .add("email", r -> r.text("email"))
        .add("phone", r -> r.text("phone"))
        .add("title", r -> r.text("title"))
        .add("company", r -> r.refId("company"), r -> r.refName("company"))
        .add("subsidiary", r -> r.refId("subsidiary"), r -> r.refName("subsidiary"))
        .add("isinactive", r -> r.flag("isInactive"))
        .add("externalid", r -> r.text("externalId"))
        .add("datecreated", r -> r.field("dateCreated"))
        .add("lastmodifieddate", r -> r.field("lastModifiedDate"))
        .build();
  }

  private List<Column> vendorColumns() {
    return new Columns<LazyRecord>()
        .add("id", LazyRecord::id)
        .add("entityid", r -> r.text("entityId"))
        .add("companyname", r -> r.text("companyName"))
        .add("email", r -> r.text("email"))
        .add("phone", r -> r.text("phone"))
        .add("currency", r -> r.refId("currency"), r -> r.refName("currency"))
        .add("terms", r -> r.refId("terms"), r -> r.refName("terms"))
        .add("subsidiary", r -> r.refId("subsidiary"), r -> r.refName("subsidiary"))
        .add("isinactive", r -> r.flag("isInactive"))
        .add("externalid", r -> r.text("externalId"))
        .add("datecreated", r -> r.field("dateCreated"))
        .add("lastmodifieddate", r -> r.field("lastModifiedDate"))
        .build();
  }

  // ---------------------------------------------------------------- addresses

  /** An address subrecord with its owner and key. */
  record AddressRow(long nkey, long owner, Map<String, Object> fields, String phone) {
  }

  private static List<Column> addressColumns(boolean entity) {
    Columns<AddressRow> c = new Columns<AddressRow>()
        .add("nkey", AddressRow::nkey)
        .add("recordowner", AddressRow::owner)
        .add("addressee", a -> (String) a.fields().get("addressee"))
        .add("attention", a -> (String) a.fields().get("attention"))
        .add("addr1", a -> (String) a.fields().get("addr1"))
        .add("addr2", a -> (String) a.fields().get("addr2"))
        .add("city", a -> (String) a.fields().get("city"))
        .add("state", a -> (String) a.fields().get("state"))
        .add("dropdownstate", a -> (String) a.fields().get("state"))
        .add("zip", a -> (String) a.fields().get("zip"))
        .add("country", a -> a.fields().get("country") == null ? null
            : ((Choice) a.fields().get("country")).id(),
            a -> a.fields().get("country") == null ? null
                : ((Choice) a.fields().get("country")).refName())
        .add("addrtext", a -> (String) a.fields().get("addrText"));
    if (entity) {
      c.add("addrphone", AddressRow::phone);
    }
    return c.build();
  }

  private Table entityAddressTable(String name) {
    return new DerivedTable(name, addressColumns(true), "nkey", 0,
        from -> store.ids(RecordType.CUSTOMER, from), this::customerAddresses, Map.of());
  }

  private List<Object> customerAddresses(long customerId) {
    RecordData c = store.find(RecordType.CUSTOMER, customerId).orElse(null);
    if (c == null || c.sublist("addressBook").isEmpty()) {
      return List.of();
    }
    Subrecord address = (Subrecord) c.sublist("addressBook").get(0).get("addressBookAddress");
    return List.of(new AddressRow(customerId, customerId, address.fields(), c.string("phone")));
  }

  /** One row per address book entry: which address (nkey) a customer uses for billing and shipping. */
  private Table customerAddressbookTable() {
    List<Column> columns = new Columns<LazyRecord>()
        .add("entity", LazyRecord::id, r -> r.stored() == null ? null : store.displayName(r.stored()))
        .add("internalid", LazyRecord::id)
        .add("addressbookaddress", LazyRecord::id)
        .add("defaultbilling", r -> "T")
        .add("defaultshipping", r -> "T")
        .add("label", r -> r.stored() == null || r.stored().sublist("addressBook").isEmpty() ? null
            : (String) r.stored().sublist("addressBook").get(0).get("label"))
        .build();
    return new DerivedTable("customeraddressbook", columns, "entity", 0,
        from -> store.ids(RecordType.CUSTOMER, from),
        id -> customerAddresses(id).isEmpty() ? List.of() : List.of(new LazyRecord(store, RecordType.CUSTOMER, id)),
        Map.of());
  }

  private Table transactionBillingAddressTable() {
    return new DerivedTable("transactionbillingaddress", addressColumns(false), "nkey", TRANSACTION_ADDRESS_OFFSET,
        from -> store.transactionIds(from, SALES), id -> {
          Optional<RecordData> tx = Optional.ofNullable(store.typeOfTransactionId(id))
              .filter(SALES::contains).flatMap(t -> store.find(t, id));
          Object address = tx.map(t -> t.get("billingAddress")).orElse(null);
          return address == null ? List.of()
              : List.of(new AddressRow(TRANSACTION_ADDRESS_OFFSET + id, id, ((Subrecord) address).fields(), null));
        }, Map.of());
  }

  // ---------------------------------------------------------------- payment links

  /** Payment or credit memo (next) applied to an invoice (previous). */
  record LinkRow(long previousDoc, RecordType previousType, long nextDoc, RecordType nextType, BigDecimal amount,
                 BigDecimal exchangeRate) {
  }

  private Table linkTable(String name, boolean lineLevel) {
    Columns<LinkRow> c = new Columns<LinkRow>()
        .add("previousdoc", LinkRow::previousDoc)
        .add("previoustype", l -> l.previousType().transactionCode())
        .add("nextdoc", LinkRow::nextDoc)
        .add("nexttype", l -> l.nextType().transactionCode())
        .add("linktype", l -> "Payment")
        .add("foreignamount", LinkRow::amount)
        .add("amount", l -> l.amount().multiply(l.exchangeRate()).setScale(2, RoundingMode.HALF_UP));
    if (lineLevel) {
      c.add("previousline", l -> 0L).add("nextline", l -> 0L);
    }
    return new DerivedTable(name, c.build(), "previousdoc", 0,
        from -> store.ids(RecordType.INVOICE, from), this::linksToInvoice,
        Map.of("nextdoc", this::linksFromApplier));
  }

  private List<Object> linksToInvoice(long invoiceId) {
    List<Object> rows = new ArrayList<>();
    BigDecimal rate = store.find(RecordType.INVOICE, invoiceId).map(i -> i.decimal("exchangeRate"))
        .orElse(BigDecimal.ONE);
    for (DemoCompany.Application a : store.applicationsTo(invoiceId)) {
      rows.add(new LinkRow(invoiceId, RecordType.INVOICE, a.docId(), a.docType(), a.amount(), rate));
    }
    return rows;
  }

  private List<Object> linksFromApplier(long docId) {
    RecordType type = store.typeOfTransactionId(docId);
    if (type != RecordType.CUSTOMER_PAYMENT && type != RecordType.CREDIT_MEMO) {
      return List.of();
    }
    List<Object> rows = new ArrayList<>();
    store.find(type, docId).ifPresent(doc -> {
      for (Map<String, Object> line : doc.sublist("apply")) {
        rows.add(new LinkRow(((Ref) line.get("doc")).id(), RecordType.INVOICE, docId, type,
            (BigDecimal) line.get("amount"), doc.decimal("exchangeRate")));
      }
    });
    return rows;
  }

  // ---------------------------------------------------------------- tracking numbers

  /**
   * An item fulfillment's tracking number: SuiteQL has them in {@code trackingnumber}, tied to transactions by
   * {@code trackingnumbermap} (there is no queryable tracking number column on {@code transaction}). Its id is the
   * fulfillment's id times {@value #TRACKING_IDS_PER_TRANSACTION} plus the package's position.
   */
  record TrackingRow(long id, long transaction, String number) {
  }

  static final int TRACKING_IDS_PER_TRANSACTION = 10;

  private Table trackingNumberTable() {
    List<Column> columns = new Columns<TrackingRow>()
        .add("id", TrackingRow::id)
        .add("trackingnumber", TrackingRow::number)
        .build();
    return new DerivedTable("trackingnumber", columns, "id", 0, from -> {
      IdCursor fulfillments = store.ids(RecordType.ITEM_FULFILLMENT, Math.floorDiv(from,
          TRACKING_IDS_PER_TRANSACTION));
      return new IdCursor() {
        final ArrayDeque<Long> pending = new ArrayDeque<>();

        @Override
        public long nextId() {
          while (pending.isEmpty()) {
            long id = fulfillments.nextId();
            if (id == END) {
              return END;
            }
            trackingNumbers(id).forEach(t -> pending.add(((TrackingRow) t).id()));
            pending.removeIf(t -> t < from);
          }
          return pending.poll();
        }
      };
    }, id -> trackingNumbers(Math.floorDiv(id, TRACKING_IDS_PER_TRANSACTION)).stream()
        .filter(t -> ((TrackingRow) t).id() == id).toList(), Map.of());
  }

  private Table trackingNumberMapTable() {
    List<Column> columns = new Columns<TrackingRow>()
        .add("transaction", TrackingRow::transaction)
        .add("trackingnumber", TrackingRow::id, TrackingRow::number)
        .build();
    return new DerivedTable("trackingnumbermap", columns, "transaction", 0,
        from -> store.ids(RecordType.ITEM_FULFILLMENT, from), this::trackingNumbers, Map.of());
  }

  /** A fulfillment's tracking numbers, one per package, in package order. */
  private List<Object> trackingNumbers(long fulfillmentId) {
    if (store.typeOfTransactionId(fulfillmentId) != RecordType.ITEM_FULFILLMENT) {
      return List.of();
    }
    List<Object> rows = new ArrayList<>();
    store.findStored(RecordType.ITEM_FULFILLMENT, fulfillmentId).ifPresent(f -> {
      for (Map<String, Object> p : f.sublist("package")) {
        Object number = p.get("packageTrackingNumber");
        if (number != null) {
          rows.add(new TrackingRow(fulfillmentId * TRACKING_IDS_PER_TRANSACTION + rows.size(), fulfillmentId,
              number.toString()));
        }
      }
    });
    return rows;
  }

  // ---------------------------------------------------------------- files

  private Table fileTable(String accountId) {
    List<Column> columns = new Columns<FileAttachment>()
        .add("id", FileAttachment::id)
        .add("name", FileAttachment::name)
        .add("filetype", FileAttachment::fileType)
        .add("filesize", f -> (long) f.size())
        .add("url", f -> MediaEndpoint.url(f, accountId))
        .add("folder", FileAttachment::folderId, FileAttachment::folderName)
        .add("description", FileAttachment::description)
        .add("isinactive", f -> "F")
        .add("isonline", f -> "F")
        .add("createddate", FileAttachment::created)
        .add("lastmodifieddate", FileAttachment::lastModified)
        .build();
    long first = store.company().layout().fileId(0);
    long end = first + store.invoiceCount();
    return new DerivedTable("file", columns, "id", 0, from -> new IdCursor() {
      long next = Math.max(from, first);

      @Override
      public long nextId() {
        return next < end ? next++ : END;
      }
    }, id -> store.attachment(id).<List<Object>>map(List::of).orElse(List.of()), Map.of());
  }

  // ---------------------------------------------------------------- small lists

  private List<Table> listTables() {
    List<Table> out = new ArrayList<>();
    out.add(new ListTable("item", new Columns<Catalog.Item>()
        .add("id", Catalog.Item::id)
        .add("itemid", Catalog.Item::itemId)
        .add("fullname", Catalog.Item::itemId)
        .add("displayname", Catalog.Item::displayName)
        .add("description", Catalog.Item::displayName)
        .add("itemtype", Catalog.Item::itemType)
        .add("isinactive", i -> "F")
        .add("subsidiary", i -> Catalog.SUBSIDIARY_ID)
        .build(), () -> Catalog.ITEMS));
    out.add(new ListTable("currency", new Columns<Catalog.Currency>()
        .add("id", Catalog.Currency::id)
        .add("name", Catalog.Currency::name)
        .add("symbol", Catalog.Currency::symbol)
        .add("isbasecurrency", c -> c.base() ? "T" : "F")
        .add("exchangerate", Catalog.Currency::exchangeRate)
        .add("isinactive", c -> "F")
        .build(), () -> Catalog.CURRENCIES));
    out.add(new ListTable("term", new Columns<Catalog.Term>()
        .add("id", Catalog.Term::id)
        .add("name", Catalog.Term::name)
        .add("daysuntilnetdue", t -> (long) t.days())
        .add("isinactive", t -> "F")
        .build(), () -> Catalog.TERMS));
    out.add(new ListTable("subsidiary", new Columns<Long>()
        .add("id", id -> id)
        .add("name", id -> Catalog.SUBSIDIARY_NAME)
        .add("fullname", id -> Catalog.SUBSIDIARY_NAME)
        .add("currency", id -> 1L, id -> "USD")
        .add("country", id -> "US")
        .add("isinactive", id -> "F")
        .build(), () -> List.of(Catalog.SUBSIDIARY_ID)));
    out.add(new ListTable("account", new Columns<Catalog.Account>()
        .add("id", Catalog.Account::id)
        .add("acctnumber", Catalog.Account::number)
        .add("accountsearchdisplayname", Catalog.Account::name)
        .add("fullname", Catalog.Account::displayName)
        .add("accttype", a -> a.id() == Catalog.ACCOUNTS_RECEIVABLE.id() ? "AcctRec" : "Bank")
        .add("isinactive", a -> "F")
        .build(), () -> Catalog.ACCOUNTS));
    out.add(new ListTable("deletedrecord", new Columns<DeletedRecord>()
        .add("recordid", DeletedRecord::recordId)
        .add("recordtypeid", d -> (long) d.type().recordTypeId())
        .add("type", d -> d.type().restName(), d -> d.type().displayName())
        .add("name", DeletedRecord::name)
        .add("externalid", DeletedRecord::externalId)
        .add("iscustomrecord", d -> "F")
        .add("context", d -> "WEBSERVICES", d -> "Web Services")
        .add("deleteddate", DeletedRecord::deletedDate)
        .build(), store::deletedRecords));
    return out;
  }

  // ---------------------------------------------------------------- custom records

  /** A custom record type's table as its fields are now: NetSuite's own columns, then the fields. */
  private static Table customRecordTable(CustomRecords.Type type) {
    Columns<CustomRecords.CustomRecord> columns = new Columns<CustomRecords.CustomRecord>()
        .add("id", CustomRecords.CustomRecord::id)
        .add("name", CustomRecords.CustomRecord::name)
        .add("isinactive", CustomRecords.CustomRecord::isInactive)
        .add("created", CustomRecords.CustomRecord::created)
        .add("lastmodified", CustomRecords.CustomRecord::lastModified);
    for (String field : type.fieldNames()) {
      columns.add(field, r -> r.values().get(field));
    }
    return new ListTable(type.scriptId(), columns.build(), type::records);
  }

  // ---------------------------------------------------------------- helpers

  private static TransactionStatus status(LazyRecord r) {
    Object s = r.field("status");
    return s instanceof TransactionStatus ts ? ts : null;
  }

  private static Ref customerRef(LazyRecord r) {
    Object entity = r.field("entity");
    return (Ref) (entity != null ? entity : r.field("customer"));
  }

  /** A customer payment's total is its payment; an item fulfillment, which ships and bills nothing, has 0. */
  private static BigDecimal total(LazyRecord r) {
    return switch (r.type()) {
      case CUSTOMER_PAYMENT -> r.decimal("payment");
      case ITEM_FULFILLMENT -> BigDecimal.ZERO;
      default -> r.decimal("total");
    };
  }

  private static BigDecimal unpaid(LazyRecord r) {
    return switch (r.type()) {
      case INVOICE -> r.decimal("amountRemaining");
      case CREDIT_MEMO -> r.decimal("unapplied");
      default -> null;
    };
  }

  private static boolean isApplier(LazyRecord r) {
    return r.type() == RecordType.CUSTOMER_PAYMENT || r.type() == RecordType.CREDIT_MEMO;
  }

  private static boolean hasAddress(LazyRecord r) {
    return r.stored() != null && !r.stored().sublist("addressBook").isEmpty();
  }

  private String displayOf(LazyRecord r) {
    return r.stored() == null ? null : store.displayName(r.stored());
  }

  private static Ref lineItem(TransactionLineTable.LineRow l) {
    return l.item() == null ? null : l.item().item();
  }

  private static BigDecimal signed(TransactionLineTable.LineRow l, BigDecimal v) {
    return v == null || TransactionLineTable.itemSign(l.transaction().type()) > 0 ? v : v.negate();
  }

  private static BigDecimal lineAmount(TransactionLineTable.LineRow l) {
    if (l.item() != null) {
      return signed(l, l.item().amount());
    }
    BigDecimal total = total(l.transaction());
    return total == null || l.transaction().type() != RecordType.CREDIT_MEMO ? total : total.negate();
  }

  private static BigDecimal baseCurrency(BigDecimal amount, LazyRecord tx) {
    BigDecimal rate = tx.decimal("exchangeRate");
    return amount == null || rate == null ? amount : amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }
}
