package io.portico.sandbox.http;

/** One family of URLs; throws {@link io.portico.sandbox.errors.NetSuiteException} for NetSuite-shaped failures. */
@FunctionalInterface
public interface Endpoint {
  Response handle(Request request);
}
