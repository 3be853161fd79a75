package io.portico.sandbox.data;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a transaction's {@code item} sublist as SuiteQL reads it: from a stored record's line map
 * ({@link #of(Map)}) or straight from the generator's facts, without building the map.
 *
 * @param itemType the item's type code ({@code Service}, {@code InvtPart}, ...)
 * @param isClosed sales order lines only, else null
 */
public record ItemLine(int line, Ref item, String itemType, String description, BigDecimal quantity, BigDecimal rate,
                       BigDecimal amount, Boolean isClosed) {

  /** The line of a record's item sublist (see {@link RecordFactory#itemLines} and {@code LineItems}). */
  public static ItemLine of(Map<String, Object> line) {
    Choice itemType = (Choice) line.get("itemType");
    return new ItemLine((Integer) line.get("line"), (Ref) line.get("item"), itemType == null ? null : itemType.id(),
        (String) line.get("description"), (BigDecimal) line.get("quantity"), (BigDecimal) line.get("rate"),
        (BigDecimal) line.get("amount"), (Boolean) line.get("isClosed"));
  }
}
