package io.portico.sandbox.suiteql;

import io.portico.sandbox.errors.NetSuiteException;

/** Builds SuiteQL rejections with the wording real NetSuite uses, so clients' error parsing works unchanged. */
final class SuiteQlException {

  private SuiteQlException() {
  }

  static NetSuiteException syntax(String detail) {
    return NetSuiteException.invalidSearch("Search error occurred: Invalid or unsupported search. " + detail);
  }

  static NetSuiteException unsupported(String what) {
    return NetSuiteException.invalidSearch("Search error occurred: Invalid or unsupported search. " + what
        + " is not supported by the NetSuite sandbox.");
  }

  static NetSuiteException unknownTable(String name) {
    return NetSuiteException.invalidSearch("Invalid search type: " + name + ".");
  }

  static NetSuiteException unknownIdentifier(String identifier, String available) {
    return NetSuiteException.invalidSearch("Search error occurred: Unknown identifier '" + identifier
        + "'. Available identifiers are: " + available + ".");
  }

  static NetSuiteException invalid(String detail) {
    return NetSuiteException.invalidSearch("Search error occurred: " + detail);
  }
}
