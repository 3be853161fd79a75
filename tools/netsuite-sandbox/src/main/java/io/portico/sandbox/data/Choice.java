package io.portico.sandbox.data;

/** An enum-like field value that REST renders as {@code {"id","refName"}}. */
public record Choice(String id, String refName) {

  public static Choice of(String both) {
    return new Choice(both, both);
  }
}
