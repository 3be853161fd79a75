package io.portico.sandbox.suiteql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The items are written by hand; they must be the bytes a Jackson tree of the formatted values gives. */
class ItemsJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String viaTree(List<String> names, List<Object[]> rows) throws Exception {
    ArrayNode items = JSON.createArrayNode();
    for (Object[] row : rows) {
      ObjectNode item = items.addObject();
      item.putArray("links");
      for (int i = 0; i < names.size(); i++) {
        if (row[i] != null) {
          item.put(names.get(i), row[i] instanceof LocalDate d ? SqlValues.accountDate(d) : SqlValues.format(row[i]));
        }
      }
    }
    // As the sandbox writes bodies: to bytes (the UTF-8 generator escapes surrogate pairs, a String writer does not).
    String array = new String(JSON.writeValueAsBytes(items), StandardCharsets.UTF_8);
    return array.substring(1, array.length() - 1);
  }

  private static String viaItemsJson(List<String> names, List<Object[]> rows) {
    byte[] envelope = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    String body = new String(ItemsJson.insertInto(envelope, envelope.length - 2, new QueryResult(names, rows,
        rows.size())), StandardCharsets.UTF_8);
    return body.substring("{\"items\":[".length(), body.length() - 2);
  }

  /** Equal strings; on a difference the message shows where, not both (long) strings whole. */
  private static void assertSame(String expected, String actual) {
    int i = 0;
    while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 80);
    assertEquals(expected.substring(from, Math.min(expected.length(), i + 80)),
        actual.substring(from, Math.min(actual.length(), i + 80)), "first difference at " + i);
  }

  @Test
  void numbersDatesAndTextAreWrittenAsTheGeneratorWould() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      BigInteger unscaled = BigInteger.valueOf(random.nextLong()).shiftRight(random.nextInt(64));
      if (random.nextInt(10) == 0) {
        unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(25)));
      }
      BigDecimal number = new BigDecimal(unscaled, random.nextInt(-25, 26));
      rows.add(new Object[] {random.nextLong() >> random.nextInt(64), number,
          LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000)), "text " + i, null});
    }
    rows.add(new Object[] {Long.MIN_VALUE, BigDecimal.ZERO, LocalDate.of(999, 1, 2), "", null});
    rows.add(new Object[] {0L, new BigDecimal("-0.000"), LocalDate.of(10_000, 12, 31),
        "Quote \" backslash \\ tab \t newline \n \u00e9 \u2603 \ud83d\ude00 \u0001 / \u007f", "x"});
    rows.add(new Object[] {null, null, null, null, null});
    List<String> names = List.of("id", "amount", "trandate", "memo", "other");
    assertSame(viaTree(names, rows), viaItemsJson(names, rows));
  }

  @Test
  void repeatedNamesAndALinksColumnMergeAsAnObjectDoes() throws Exception {
    List<Object[]> rows = List.of(new Object[] {"a", 1L, "b", "c"}, new Object[] {null, 2L, null, "d"},
        new Object[] {"e", null, null, null});
    for (List<String> names : List.of(List.of("x", "id", "x", "links"), List.of("links", "id", "y", "z"),
        List.of("\u00e9", "id", "a\"b", "\u00e9"))) {
      assertSame(viaTree(names, rows), viaItemsJson(names, rows));
    }
  }
}
