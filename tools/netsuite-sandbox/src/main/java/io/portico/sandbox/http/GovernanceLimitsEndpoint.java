package io.portico.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.Faults;

/**
 * {@code GET /services/rest/system/v1/governanceLimits}: the account's concurrency limit, as an administrator sees
 * it. The sandbox has no per-integration reservations, so the integration shares the whole account limit.
 */
public final class GovernanceLimitsEndpoint implements Endpoint {

  public static final String PATH = "/services/rest/system/v1/governanceLimits";

  private final Faults faults;

  public GovernanceLimitsEndpoint(Faults faults) {
    this.faults = faults;
  }

  @Override
  public Response handle(Request request) {
    ObjectNode body = Json.object();
    body.put("accountConcurrencyLimit", faults.concurrencyLimit());
    body.put("accountUnallocatedConcurrencyLimit", faults.concurrencyLimit());
    body.put("integrationConcurrencyLimit", faults.concurrencyLimit());
    body.put("integrationLimitType", "accountLimit");
    return Response.json(200, Response.SINGULAR, body);
  }
}
