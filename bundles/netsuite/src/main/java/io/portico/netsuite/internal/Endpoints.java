package io.portico.netsuite.internal;

import io.portico.netsuite.internal.auth.HttpTokenEndpoint;
import io.portico.netsuite.internal.auth.PercentEncoding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The URLs of one account's REST services; path segments are checked so that input cannot leave its segment. */
final class Endpoints {

    private static final String RECORD = "/services/rest/record/v1/";
    private static final String SUITEQL = "/services/rest/query/v1/suiteql";
    private static final String GOVERNANCE_LIMITS = "/services/rest/system/v1/governanceLimits";
    private static final String RESTLET = "/app/site/hosting/restlet.nl";
    /** A script or deployment: its internal id or its script id ({@code customscript_x}, {@code customdeploy_x}). */
    private static final Pattern SCRIPT_ID = Pattern.compile("[0-9]+|[A-Za-z][A-Za-z0-9_]{0,99}");
    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern RECORD_ID = Pattern.compile("-?[0-9]+|eid:[A-Za-z0-9_-]+");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final String base;
    private final String restletBase;

    Endpoints(URI baseUri, URI restletBaseUri) {
        this.base = baseUri.toString();
        this.restletBase = restletBaseUri.toString();
    }

    URI records(String recordType, Query query) {
        return URI.create(base + RECORD + checkedType(recordType) + query);
    }

    URI record(String recordType, String id, Query query) {
        if (id == null || !RECORD_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is neither an internal id nor eid:<externalId>");
        }
        return URI.create(base + RECORD + checkedType(recordType) + '/' + id + query);
    }

    /** The record id for an external id: NetSuite allows letters, digits, {@code _} and {@code -}. */
    static String externalId(String externalId) {
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw new IllegalArgumentException("external id '" + externalId
                    + "' may only contain letters, digits, _ and -");
        }
        return "eid:" + externalId;
    }

    URI suiteQl(int limit, int offset) {
        return URI.create(base + SUITEQL + new Query().add("limit", limit).add("offset", offset));
    }

    /**
     * {@code restlet.nl?script=..&deploy=..&<parameters>}; the parameters follow script and deploy, in their order.
     */
    URI restlet(String script, String deploy, Map<String, String> parameters) {
        Query query = new Query().add("script", checkedScript(script, "script")).add("deploy",
                checkedScript(deploy, "deploy"));
        parameters.forEach((name, value) -> {
            if (name == null || name.isEmpty() || name.equals("script") || name.equals("deploy")) {
                throw new IllegalArgumentException("'" + name + "' cannot be a RESTlet parameter");
            }
            query.add(name, value);
        });
        return URI.create(restletBase + RESTLET + query);
    }

    URI token() {
        return URI.create(base + HttpTokenEndpoint.PATH);
    }

    URI governanceLimits() {
        return URI.create(base + GOVERNANCE_LIMITS);
    }

    private static String checkedScript(String id, String what) {
        if (id == null || !SCRIPT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a " + what + " id");
        }
        return id;
    }

    private static String checkedType(String recordType) {
        if (recordType == null || !RECORD_TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("'" + recordType + "' is not a record type name");
        }
        return recordType;
    }

    /** A query string whose values are percent-encoded as the TBA signature expects them. */
    static final class Query {
        private final List<String> pairs = new ArrayList<>();

        Query add(String name, Object value) {
            if (value != null) {
                pairs.add(PercentEncoding.encode(name) + '=' + PercentEncoding.encode(value.toString()));
            }
            return this;
        }

        @Override
        public String toString() {
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }
    }
}
