package io.portico.sandbox.data;

/**
 * Maps generated records to internal ids by arithmetic, so any record can be found (or skipped to) without an index.
 * Entities share one id sequence (customers, then contacts, then vendors) as in NetSuite; transactions share another,
 * laid out in slots of four per generated invoice: sales order, invoice, credit memo, customer payment. The item
 * fulfillments of slot i's sales order follow all slots, three ids per slot, so adding them moved no other id. A slot
 * member that the generator decides not to create leaves a gap, like deleted or never-committed ids in a real account.
 * Records created through the API get ids above both ranges.
 */
public final class IdLayout {

  static final long ENTITY_BASE = 1001;
  static final long TRANSACTION_BASE = 100_001;
  static final long FILE_BASE = 5001;
  static final long ADDRESS_BASE = 1001;
  static final int CONTACTS_PER_CUSTOMER = 2;
  static final int SLOT_SIZE = 4;
  /** Most item fulfillments one sales order gets. */
  static final int FULFILLMENTS_PER_SLOT = 3;

  private final int customers;
  private final int invoices;
  private final int vendors;

  IdLayout(int customers, int invoices, int vendors) {
    this.customers = customers;
    this.invoices = invoices;
    this.vendors = vendors;
  }

  public int customers() {
    return customers;
  }

  public int invoices() {
    return invoices;
  }

  public int contacts() {
    return customers * CONTACTS_PER_CUSTOMER;
  }

  public long customerId(int index) {
    return ENTITY_BASE + index;
  }

  public long contactId(int index) {
    return ENTITY_BASE + customers + index;
  }

  public long vendorId(int index) {
    return ENTITY_BASE + (long) customers * (1 + CONTACTS_PER_CUSTOMER) + index;
  }

  public long firstFreeEntityId() {
    return vendorId(vendors);
  }

  /** Index of the generated entity of {@code type} with this id, or -1 if the id is outside its range. */
  public int entityIndex(RecordType type, long id) {
    long first;
    long count;
    switch (type) {
      case CUSTOMER -> {
        first = customerId(0);
        count = customers;
      }
      case CONTACT -> {
        first = contactId(0);
        count = contacts();
      }
      case VENDOR -> {
        first = vendorId(0);
        count = vendors;
      }
      default -> {
        return -1;
      }
    }
    long index = id - first;
    return index >= 0 && index < count ? (int) index : -1;
  }

  /** First id of {@code type}'s generated range. */
  public long firstEntityId(RecordType type) {
    return switch (type) {
      case CUSTOMER -> customerId(0);
      case CONTACT -> contactId(0);
      case VENDOR -> vendorId(0);
      default -> throw new IllegalArgumentException(type + " is not an entity");
    };
  }

  public int entityCount(RecordType type) {
    return switch (type) {
      case CUSTOMER -> customers;
      case CONTACT -> contacts();
      case VENDOR -> vendors;
      default -> 0;
    };
  }

  public long transactionId(int slot, RecordType type) {
    return TRANSACTION_BASE + (long) slot * SLOT_SIZE + slotPosition(type);
  }

  public long invoiceId(int slot) {
    return transactionId(slot, RecordType.INVOICE);
  }

  /** Id of the {@code index}th (from 0) item fulfillment of slot {@code slot}'s sales order. */
  public long fulfillmentId(int slot, int index) {
    return firstFulfillmentId() + (long) slot * FULFILLMENTS_PER_SLOT + index;
  }

  /** First id of the item fulfillments' range, right after the slots. */
  public long firstFulfillmentId() {
    return TRANSACTION_BASE + (long) invoices * SLOT_SIZE;
  }

  /** Which of its sales order's item fulfillments (from 0) a generated item fulfillment id is. */
  public int fulfillmentIndex(long fulfillmentId) {
    return (int) ((fulfillmentId - firstFulfillmentId()) % FULFILLMENTS_PER_SLOT);
  }

  public long firstFreeTransactionId() {
    return firstFulfillmentId() + (long) invoices * FULFILLMENTS_PER_SLOT;
  }

  /** Slot of a generated transaction id (an item fulfillment's: its sales order's), or -1 outside the generated ids. */
  public int slotOf(long transactionId) {
    long offset = transactionId - TRANSACTION_BASE;
    if (offset < 0 || transactionId >= firstFreeTransactionId()) {
      return -1;
    }
    return transactionId < firstFulfillmentId() ? (int) (offset / SLOT_SIZE)
        : (int) ((transactionId - firstFulfillmentId()) / FULFILLMENTS_PER_SLOT);
  }

  /** The type a generated transaction id would have (whether or not the generator created it). */
  public RecordType slotType(long transactionId) {
    if (transactionId >= firstFulfillmentId()) {
      return RecordType.ITEM_FULFILLMENT;
    }
    return switch ((int) ((transactionId - TRANSACTION_BASE) % SLOT_SIZE)) {
      case 0 -> RecordType.SALES_ORDER;
      case 1 -> RecordType.INVOICE;
      case 2 -> RecordType.CREDIT_MEMO;
      default -> RecordType.CUSTOMER_PAYMENT;
    };
  }

  public long fileId(int slot) {
    return FILE_BASE + slot;
  }

  public int slotOfFile(long fileId) {
    long slot = fileId - FILE_BASE;
    return slot >= 0 && slot < invoices ? (int) slot : -1;
  }

  public long firstTransactionId() {
    return TRANSACTION_BASE;
  }

  static int slotPosition(RecordType type) {
    return switch (type) {
      case SALES_ORDER -> 0;
      case INVOICE -> 1;
      case CREDIT_MEMO -> 2;
      case CUSTOMER_PAYMENT -> 3;
      default -> throw new IllegalArgumentException(type + " is not a slot transaction");
    };
  }
}
