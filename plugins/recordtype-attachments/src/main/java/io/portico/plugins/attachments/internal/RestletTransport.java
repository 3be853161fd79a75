package io.portico.plugins.attachments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Calls a RESTlet of the NetSuite account and returns its JSON answer: {@code NetSuiteClient::getRestlet} in Portico
 * (authenticated, governed and retried like every other NetSuite call). The seam lets tests feed the source answers
 * a real account could send but the sandbox does not: malformed lists, wrong sizes, undecodable content.
 */
@FunctionalInterface
interface RestletTransport {

    /**
     * @param script the script id, e.g. {@code customscript_portico_attachments}
     * @param deploy the deployment id, e.g. {@code customdeploy_portico_attachments}
     * @param parameters more query parameters
     * @return the RESTlet's JSON answer, which may be a SuiteScript error {@code {"error":{"code","message"}}}
     */
    JsonNode get(String script, String deploy, Map<String, String> parameters);
}
