package io.portico.plugins.attachments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Calls a RESTlet of the NetSuite account: {@code GET /app/site/hosting/restlet.nl?script=..&deploy=..&...} on the
 * account's RESTlet host, authenticated, governed and retried like every other NetSuite call, and returns the parsed
 * JSON answer.
 *
 * <p>The NetSuite client ({@code io.portico.netsuite.NetSuiteClient}) has no RESTlet call yet, so nothing provides
 * this in a running Portico and attachments are not synced there; the tests provide one for the sandbox. Once the
 * client has it, a component implementing this with the client is all that is missing.
 */
interface RestletTransport {

    /**
     * @param script the script id, e.g. {@code customscript_portico_attachments}
     * @param deploy the deployment id, e.g. {@code customdeploy_portico_attachments}
     * @param parameters more query parameters
     * @return the RESTlet's JSON answer, which may be a SuiteScript error {@code {"error":{"code","message"}}}
     */
    JsonNode get(String script, String deploy, Map<String, String> parameters);
}
