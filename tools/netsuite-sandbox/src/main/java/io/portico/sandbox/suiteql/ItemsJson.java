package io.portico.sandbox.suiteql;

import com.fasterxml.jackson.core.JsonGenerator;
import io.portico.sandbox.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of a SuiteQL answer's {@code items} array, {@code {"links":[],"column":"value",...}} with NULLs left
 * out, written as bytes: the bytes Jackson's generator writes for the same objects (compact, strings escaped the same
 * way), at a fraction of the cost per value. Column names are encoded once per query, numbers and dates are written
 * as digits straight from the cell values ({@link QueryResult}) in SuiteQL's string form, plain ASCII text is copied
 * as it is. Rows whose output names repeat (or include "links") are merged as a JSON object would be: a name keeps
 * its first position and takes its last value.
 */
final class ItemsJson {

  private static final byte[] ITEM_START = ascii("{\"links\":[]");
  // Each server thread writes its answers in one buffer (a page is some 200 KB) and copies out the exact bytes.
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final String[] names;
  private final byte[][] prefixes;
  private final boolean plain;
  private byte[] buf;
  private int len;

  private ItemsJson(List<String> names, byte[] buf) {
    this.names = names.toArray(String[]::new);
    this.prefixes = new byte[this.names.length][];
    for (int i = 0; i < prefixes.length; i++) {
      prefixes[i] = concat(ascii(","), quoted(this.names[i]), ascii(":\""));
    }
    this.plain = !names.contains("links") && new HashSet<>(names).size() == names.size();
    this.buf = buf;
  }

  /**
   * The whole answer: {@code envelope} (the collection body with an empty items array) with the rows written at
   * {@code itemsAt}, the position just after the array's opening bracket.
   */
  static byte[] insertInto(byte[] envelope, int itemsAt, QueryResult result) {
    ItemsJson w = new ItemsJson(result.names(), SCRATCH.get());
    w.put(envelope, 0, itemsAt);
    w.rows(result);
    w.put(envelope, itemsAt, envelope.length - itemsAt);
    SCRATCH.set(w.buf); // keep the grown buffer for this thread's next answer
    return Arrays.copyOf(w.buf, w.len);
  }

  private void rows(QueryResult result) {
    boolean first = true;
    for (Object[] row : result.rows()) {
      if (!first) {
        put((byte) ',');
      }
      first = false;
      if (plain) {
        plainItem(row);
      } else {
        mergedItem(row);
      }
    }
  }

  private void plainItem(Object[] row) {
    put(ITEM_START);
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        put(prefixes[i]);
        cell(row[i]);
        put((byte) '"');
      }
    }
    put((byte) '}');
  }

  private void mergedItem(Object[] row) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("links", null);
    for (int i = 0; i < names.length; i++) {
      if (row[i] != null) {
        item.put(names[i], row[i]);
      }
    }
    put((byte) '{');
    boolean first = true;
    for (Map.Entry<String, Object> e : item.entrySet()) {
      if (!first) {
        put((byte) ',');
      }
      first = false;
      put(quoted(e.getKey()));
      if (e.getValue() == null) {
        put(ascii(":[]"));
      } else {
        put(ascii(":\""));
        cell(e.getValue());
        put((byte) '"');
      }
    }
    put((byte) '}');
  }

  /** A cell's SuiteQL string form (see {@link QueryResult}), escaped, without quotes. */
  private void cell(Object v) {
    if (v instanceof String s) {
      string(s);
    } else if (v instanceof Long l) {
      digits(l);
    } else if (v instanceof BigDecimal d) {
      number(d);
    } else if (v instanceof LocalDate d) {
      if (d.getYear() >= 1000 && d.getYear() <= 9999) {
        digits(d.getMonthValue());
        put((byte) '/');
        digits(d.getDayOfMonth());
        put((byte) '/');
        digits(d.getYear());
      } else {
        string(SqlValues.accountDate(d));
      }
    } else {
      string(SqlValues.format(v));
    }
  }

  /**
   * A number as {@code SqlValues.format} writes it: no exponent, no trailing zeros in the fraction. Written from the
   * unscaled value when it has at most 18 digits.
   */
  private void number(BigDecimal d) {
    int scale = d.scale();
    if (d.signum() == 0) {
      put((byte) '0');
      return;
    }
    if (d.precision() > 18 || scale > 18 || scale < -18) {
      string(SqlValues.format(d));
      return;
    }
    long unscaled = d.scaleByPowerOfTen(scale).longValue(); // the unscaled value, without a BigInteger
    if (scale <= 0) {
      digits(unscaled);
      for (int i = 0; i < -scale; i++) {
        put((byte) '0');
      }
      return;
    }
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (scale == 0) {
      digits(unscaled);
      return;
    }
    if (unscaled < 0) {
      put((byte) '-');
      unscaled = -unscaled;
    }
    digits(unscaled / POWERS_OF_TEN[scale]);
    put((byte) '.');
    long fraction = unscaled % POWERS_OF_TEN[scale];
    for (int pad = scale - 1; pad > 0 && fraction < POWERS_OF_TEN[pad]; pad--) {
      put((byte) '0');
    }
    digits(fraction);
  }

  private void digits(long v) {
    if (v == Long.MIN_VALUE) {
      string(Long.toString(v));
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int start = len;
    do {
      buf[len++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = len - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  /**
   * A string's content, escaped; printable ASCII without quote or backslash (the usual case) is copied, anything else
   * is escaped by Jackson's generator itself (which, for one, escapes surrogate pairs rather than combining them).
   */
  private void string(String s) {
    int n = s.length();
    ensure(n);
    int start = len;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        len = start;
        byte[] quoted = generatorString(s);
        ensure(quoted.length);
        System.arraycopy(quoted, 1, buf, len, quoted.length - 2);
        len += quoted.length - 2;
        return;
      }
      buf[len++] = (byte) c;
    }
  }

  /** A string with its quotes, as the generator writes it. */
  private static byte[] quoted(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        return generatorString(s);
      }
    }
    return ascii("\"" + s + "\"");
  }

  private static byte[] generatorString(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void put(byte[] bytes) {
    put(bytes, 0, bytes.length);
  }

  private void put(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, buf, len, count);
    len += count;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, len + more)];
      System.arraycopy(buf, 0, bigger, 0, len);
      buf = bigger;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
