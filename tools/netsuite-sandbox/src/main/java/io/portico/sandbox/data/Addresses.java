package io.portico.sandbox.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds NetSuite address subrecords and their one-string {@code addrText} form. */
final class Addresses {

  private Addresses() {
  }

  static Subrecord of(String addressee, String addr1, Catalog.UsState state) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("addressee", addressee);
    f.put("addr1", addr1);
    f.put("city", state.city());
    f.put("state", state.code());
    f.put("zip", state.zip());
    f.put("country", new Choice("US", "United States"));
    f.put("addrText", text(addressee, addr1, state));
    return new Subrecord(f);
  }

  static String text(String addressee, String addr1, Catalog.UsState state) {
    return addressee + "\n" + addr1 + "\n" + state.city() + " " + state.code() + " " + state.zip() + "\nUnited States";
  }
}
