package io.portico.sandbox.data;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How many generated slot members of each type exist, and how many item lines they carry, over ranges of slots.
 * Slots are summed in blocks of {@value #BLOCK} on first use and the sums kept (4 bytes per block and figure, so
 * about 4 KB per figure for a million invoices): counting a key range then costs at most two partial blocks however
 * long the range. Each figure (members or lines of one type) is summed only when asked for, so counting invoice lines
 * never derives a sales order. Lets SuiteQL answer {@code totalResults} without walking the rest of the key range.
 */
final class SlotCounts {

  static final int BLOCK = 1024;
  /** Slot member types by position in the slot (see {@link IdLayout}), then the slot's item fulfillments. */
  static final RecordType[] POSITIONS = {RecordType.SALES_ORDER, RecordType.INVOICE, RecordType.CREDIT_MEMO,
      RecordType.CUSTOMER_PAYMENT, RecordType.ITEM_FULFILLMENT};
  /** The position of a slot's item fulfillments: how many it has, or their lines. */
  static final int FULFILLMENTS = 4;

  private final SlotFacts slots;
  private final int invoices;
  // [position * 2 + (lines ? 1 : 0)]: per block the sum plus one (0 = not summed yet).
  private final AtomicIntegerArray[] sums = new AtomicIntegerArray[POSITIONS.length * 2];

  SlotCounts(SlotFacts slots, int invoices) {
    this.slots = slots;
    this.invoices = invoices;
    int blocks = (invoices + BLOCK - 1) / BLOCK;
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new AtomicIntegerArray(blocks);
    }
  }

  /** Members of the type at {@code position} over slots [from, to), or with {@code lines} their item lines. */
  long sum(int from, int to, int position, boolean lines) {
    from = Math.max(0, from);
    to = Math.min(invoices, to);
    if (from >= to) {
      return 0;
    }
    if (!lines && POSITIONS[position] == RecordType.INVOICE) {
      return to - from; // every slot has its invoice
    }
    long out = 0;
    while (from < to) {
      int block = from / BLOCK;
      int blockStart = block * BLOCK;
      int blockEnd = Math.min(invoices, blockStart + BLOCK);
      if (from == blockStart && to >= blockEnd) {
        out += block(block, position, lines);
        from = blockEnd;
      } else {
        int end = Math.min(to, blockEnd);
        for (int slot = from; slot < end; slot++) {
          out += slot(slot, position, lines);
        }
        from = end;
      }
    }
    return out;
  }

  private int block(int block, int position, boolean lines) {
    AtomicIntegerArray figure = sums[position * 2 + (lines ? 1 : 0)];
    int stored = figure.get(block);
    if (stored == 0) {
      int sum = 0;
      int end = Math.min(invoices, (block + 1) * BLOCK);
      for (int slot = block * BLOCK; slot < end; slot++) {
        sum += slot(slot, position, lines);
      }
      stored = sum + 1;
      figure.set(block, stored);
    }
    return stored - 1;
  }

  private int slot(int slot, int position, boolean lines) {
    RecordType type = POSITIONS[position];
    if (type == RecordType.ITEM_FULFILLMENT) {
      List<SlotFacts.Fulfillment> made = slots.fulfillments(slot);
      return lines ? made.stream().mapToInt(f -> f.lines().size()).sum() : made.size();
    }
    if (!slots.exists(slot, type)) {
      return 0;
    }
    return lines ? slots.itemLineCount(slot, type) : 1;
  }
}
