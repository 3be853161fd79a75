package io.portico.sandbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts SuiteQL takes over generated transactions (single fields, item lines and counts derived without
 * building records) must agree with the records themselves, and counts with walking the ids, edits included.
 */
class GeneratedCountsTest {

  private static final Set<RecordType> SLOT_TYPES = EnumSet.of(RecordType.SALES_ORDER, RecordType.INVOICE,
      RecordType.CREDIT_MEMO, RecordType.CUSTOMER_PAYMENT, RecordType.ITEM_FULFILLMENT);
  private static final List<String> FIELDS = List.of("tranId", "tranDate", "entity", "customer", "subsidiary",
      "currency", "exchangeRate", "memo", "total", "dueDate", "status", "createdDate", "lastModifiedDate");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DemoCompany company(int customers, int invoicesPerCustomer) {
    return new DemoCompany(42, customers, invoicesPerCustomer, DemoCompany.DEFAULT_TODAY,
        DemoCompany.DEFAULT_TIME_ZONE);
  }

  @Test
  void fieldsAndLinesDerivedAloneMatchTheRecords() {
    DemoCompany company = company(50, 40);
    IdLayout layout = company.layout();
    int checked = 0;
    for (long id = layout.firstTransactionId(); id < layout.firstFreeTransactionId(); id++) {
      RecordType type = layout.slotType(id);
      RecordData record = company.generated(type, id).orElse(null);
      if (record == null) {
        continue;
      }
      for (String field : FIELDS) {
        Object fast = company.generatedField(type, id, field);
        if (fast != DemoCompany.UNKNOWN) {
          assertEquals(record.get(field), fast, type + " " + id + " " + field);
          checked++;
        }
      }
      assertEquals(record.sublist("item").stream().map(ItemLine::of).toList(), company.generatedItemLines(type, id),
          type + " " + id);
      assertEquals(record.sublist("item").size(), company.generatedItemLines(id), type + " " + id);
    }
    assertEquals(true, checked > 5000, "fields checked: " + checked);
  }

  @Test
  void blockSumsMatchWalkingTheSlots() {
    DemoCompany company = company(300, 10); // 3,000 slots: several blocks and a partial one
    IdLayout layout = company.layout();
    SplittableRandom random = new SplittableRandom(1);
    long first = layout.firstTransactionId();
    long end = layout.firstFreeTransactionId();
    int[] lines = new int[(int) (end - first)]; // -1: not generated
    for (long id = first; id < end; id++) {
      lines[(int) (id - first)] = company.generated(layout.slotType(id), id)
          .map(r -> r.sublist("item").size()).orElse(-1);
    }
    for (int i = 0; i < 60; i++) {
      long from = first - 10 + random.nextLong(end - first + 20);
      long to = i % 3 == 0 ? Long.MAX_VALUE : from + random.nextLong(9_000);
      for (RecordType type : SLOT_TYPES) {
        long[] walked = new long[2];
        for (long id = Math.max(from, first); id <= Math.min(to, end - 1); id++) {
          if (layout.slotType(id) == type && lines[(int) (id - first)] >= 0) {
            walked[0]++;
            walked[1] += lines[(int) (id - first)];
          }
        }
        assertArrayEquals(walked, new long[] {company.generatedTransactionCount(from, to, type, false),
            company.generatedTransactionCount(from, to, type, true)}, type + " " + from + ".." + to);
      }
    }
  }

  @Test
  void storeCountsFollowEditsDeletesAndCreates() {
    Store store = new Store(company(40, 12));
    IdLayout layout = store.company().layout();
    long invoice = store.invoiceId(3);
    store.patch(RecordType.INVOICE, invoice, item(201, 2), Set.of());
    store.patch(RecordType.INVOICE, store.invoiceId(7), item(203, 1), Set.of("item"));
    store.patch(RecordType.INVOICE, store.invoiceId(9), JSON.createObjectNode().put("memo", "edited"), Set.of());
    store.delete(RecordType.CUSTOMER_PAYMENT, firstExisting(store, RecordType.CUSTOMER_PAYMENT));
    store.delete(RecordType.SALES_ORDER, firstExisting(store, RecordType.SALES_ORDER));
    ObjectNode created = item(202, 3);
    created.putObject("entity").put("id", String.valueOf(store.customerId(1)));
    store.create(RecordType.INVOICE, created);
    // A create that fails after its id was allocated leaves an id without a record.
    ObjectNode broken = item(999_999, 1);
    broken.putObject("entity").put("id", String.valueOf(store.customerId(1)));
    assertThrows(NetSuiteException.class, () -> store.create(RecordType.INVOICE, broken));

    long[] createdRange = store.countTransactions(layout.firstFreeTransactionId(), Long.MAX_VALUE, SLOT_TYPES,
        true);
    assertArrayEquals(new long[] {2, 1, 1}, createdRange, "one created invoice, one id without a record");

    long first = layout.firstTransactionId();
    long last = layout.firstFreeTransactionId() + 5;
    store.delete(RecordType.ITEM_FULFILLMENT, firstExisting(store, RecordType.ITEM_FULFILLMENT));
    for (Set<RecordType> types : List.of(SLOT_TYPES, EnumSet.of(RecordType.INVOICE),
        EnumSet.of(RecordType.SALES_ORDER, RecordType.CUSTOMER_PAYMENT), EnumSet.of(RecordType.ITEM_FULFILLMENT),
        EnumSet.of(RecordType.INVOICE, RecordType.ITEM_FULFILLMENT))) {
      for (long[] range : new long[][] {{first, last}, {invoice - 1, invoice + 40}, {first + 17, first + 1_000},
          {layout.firstFreeTransactionId() - 3, Long.MAX_VALUE}, {layout.firstFulfillmentId() - 2,
          layout.firstFulfillmentId() + 50}}) {
        long[] walked = new long[3];
        IdCursor ids = store.transactionIds(range[0], types);
        for (long id = ids.nextId(); id != IdCursor.END && id <= range[1]; id = ids.nextId()) {
          walked[0]++;
          RecordData r = store.findStored(store.typeOfTransactionId(id), id).orElse(null);
          if (r != null) {
            walked[1]++;
            walked[2] += r.sublist("item").size();
          }
        }
        assertArrayEquals(walked, store.countTransactions(range[0], range[1], types, true),
            types + " " + range[0] + ".." + range[1]);
        assertEquals(walked[0], store.countTransactions(range[0], range[1], types, false)[0]);
      }
    }
  }

  private static long firstExisting(Store store, RecordType type) {
    return store.transactionIds(0, Set.of(type)).nextId();
  }

  private static ObjectNode item(long itemId, int quantity) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode line = body.putObject("item").putArray("items").addObject();
    line.putObject("item").put("id", String.valueOf(itemId));
    line.put("quantity", quantity);
    return body;
  }
}
