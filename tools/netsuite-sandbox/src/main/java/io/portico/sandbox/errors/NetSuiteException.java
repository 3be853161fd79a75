package io.portico.sandbox.errors;

/**
 * A failure answered in NetSuite's error shape:
 * {@code {"type","title","status","o:errorDetails":[{"detail","o:errorCode","o:errorPath"?,"o:errorQueryParam"?,"o:errorHeader"?}]}}.
 */
public final class NetSuiteException extends RuntimeException {

  private final int status;
  private final String code;
  private final String errorPath;
  private final String queryParam;
  private final String header;

  private NetSuiteException(int status, String code, String detail, String errorPath, String queryParam, String header) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errorPath = errorPath;
    this.queryParam = queryParam;
    this.header = header;
  }

  public static NetSuiteException invalidLogin() {
    return new NetSuiteException(401, "INVALID_LOGIN",
        "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles"
            + " > User Management > View Login Audit Trail.", null, null, null);
  }

  public static NetSuiteException nonexistentId() {
    return new NetSuiteException(404, "NONEXISTENT_ID", "The record instance does not exist.", null, null, null);
  }

  public static NetSuiteException notFound(String detail) {
    return new NetSuiteException(404, "NONEXISTENT_ID", detail, null, null, null);
  }

  /** Business-rule rejection, e.g. applying more than an invoice's remaining amount. */
  public static NetSuiteException userError(String detail, String errorPath) {
    return new NetSuiteException(400, "USER_ERROR", detail, errorPath, null, null);
  }

  /** Malformed or ill-typed request body. */
  public static NetSuiteException invalidContent(String detail, String errorPath) {
    return new NetSuiteException(400, "INVALID_CONTENT", detail, errorPath, null, null);
  }

  public static NetSuiteException invalidParameter(String detail, String queryParam) {
    return new NetSuiteException(400, "INVALID_PARAMETER", detail, null, queryParam, null);
  }

  public static NetSuiteException invalidHeader(String detail, String header) {
    return new NetSuiteException(400, "INVALID_HEADER", detail, null, null, header);
  }

  public static NetSuiteException invalidRequest(String detail) {
    return new NetSuiteException(400, "INVALID_REQUEST", detail, null, null, null);
  }

  /** SuiteQL rejections carry NetSuite's fixed prefix and point at the {@code q} body member. */
  public static NetSuiteException invalidSearch(String description) {
    return new NetSuiteException(400, "INVALID_PARAMETER",
        "Invalid search query. Detailed unprocessed description follows. " + description, null, "q", null);
  }

  public static NetSuiteException concurrencyLimitExceeded() {
    return new NetSuiteException(429, "CONCURRENCY_LIMIT_EXCEEDED",
        "Concurrent request limit exceeded. Request blocked.", null, null, null);
  }

  public static NetSuiteException unexpected(String errorId) {
    return new NetSuiteException(500, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: " + errorId, null,
        null, null);
  }

  public static NetSuiteException methodNotAllowed(String method) {
    return new NetSuiteException(405, "INVALID_REQUEST", "HTTP method " + method + " is not allowed here.", null, null,
        null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public String errorPath() {
    return errorPath;
  }

  public String queryParam() {
    return queryParam;
  }

  public String header() {
    return header;
  }
}
