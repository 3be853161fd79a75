package io.portico.sandbox.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** A subrecord field value (e.g. {@code billingAddress}); REST shows only its link unless sub-resources are expanded. */
public record Subrecord(Map<String, Object> fields) {

  public Subrecord {
    fields = new LinkedHashMap<>(fields);
  }
}
