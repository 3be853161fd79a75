package io.portico.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One NetSuite account's REST record API and SuiteQL endpoint. Thread-safe: every caller in the JVM shares the
 * account's concurrency limit, waiting for a free slot rather than provoking 429s. A 429, and on idempotent calls
 * (GET, SuiteQL, PUT upsert) a 5xx or an I/O error, is retried with exponential back-off and full jitter; a create
 * or update is never sent again once NetSuite may have processed it. Failures surface as {@link NetSuiteException}.
 *
 * <p>Record types are REST record names ({@code invoice}, {@code customerpayment}, {@code customrecord_x}); ids are
 * internal ids or {@code eid:<externalId>}.
 */
@ProviderType
public interface NetSuiteClient {

    /** The largest page NetSuite serves. */
    int MAX_PAGE_SIZE = 1000;

    /** NetSuite serves at most this many rows of one query or list by offset. */
    int MAX_OFFSET_RESULTS = 100_000;

    NetSuiteAccount account();

    NetSuiteMetrics metrics();

    /**
     * {@code GET /record/v1/{type}/{id}}.
     *
     * @throws NetSuiteException with status 404 ({@link NetSuiteException#isNotFound()}) when there is no such record
     */
    ObjectNode getRecord(String recordType, String id, RecordReadOptions options);

    /**
     * One page of {@code GET /record/v1/{type}?q=...}: ids only.
     *
     * @param query a NetSuite {@code q} filter such as {@code lastModifiedDate ON_OR_AFTER "1/1/2026"}, or null
     * @param limit 1 to 1000
     * @param offset a multiple of {@code limit}
     */
    RecordIdPage listRecordIds(String recordType, String query, int limit, int offset);

    /**
     * Every id a record list returns, page after page while NetSuite reports {@code hasMore}.
     *
     * @return how many ids were passed on
     * @throws IllegalStateException when the list goes on past {@link #MAX_OFFSET_RESULTS}
     */
    long forEachRecordId(String recordType, String query, Consumer<String> ids);

    /**
     * {@code POST /record/v1/{type}}. Not retried after a 5xx or a broken connection, since NetSuite may have
     * created the record; use {@link #upsertRecord} when a retry must be harmless.
     *
     * @return the new record's internal id, from the {@code Location} header
     */
    String createRecord(String recordType, JsonNode body);

    /** {@code PATCH /record/v1/{type}/{id}}: fields left out stay as they are. Not retried after a 5xx. */
    void updateRecord(String recordType, String id, JsonNode changes);

    /**
     * {@code PUT /record/v1/{type}/eid:{externalId}}: creates or updates the record with that external id, so it
     * is safe to retry.
     *
     * @param externalId letters, digits, {@code _} and {@code -}
     * @return the record's internal id when NetSuite names it in a {@code Location} header
     */
    Optional<String> upsertRecord(String recordType, String externalId, JsonNode body);

    /**
     * {@code DELETE /record/v1/{type}/{id}}: deleting a transaction removes what it applied (a customer payment's
     * invoices owe again). Retried after a 5xx or a broken connection like a read: a second delete of a record that is
     * gone answers {@link NetSuiteException#isNotFound() not found}, which the caller takes as done.
     *
     * @throws NetSuiteException with NetSuite's message when it refuses, for example a transaction in a closed
     *     period or one other records depend on
     */
    void deleteRecord(String recordType, String id);

    /**
     * One SuiteQL page, streamed: each row goes to {@code rows} as it is parsed, so a page is never held whole.
     * The request's concurrency slot is held until the page has been read, so keep the handler quick.
     *
     * @param limit 1 to 1000
     * @param offset a multiple of {@code limit}, below {@link #MAX_OFFSET_RESULTS}
     */
    SuiteQlPage suiteQlPage(String query, int limit, int offset, Consumer<SuiteQlRow> rows);

    /**
     * Every row of a query by offset paging. The query needs a unique {@code ORDER BY} for stable pages.
     *
     * @return how many rows were passed on
     * @throws IllegalStateException when the query has more than {@link #MAX_OFFSET_RESULTS} rows (the rows before
     *                               the cap have been passed on); use {@link #suiteQl(KeysetQuery, Consumer)}
     */
    long suiteQl(String query, int pageSize, Consumer<SuiteQlRow> rows);

    /**
     * Every row of a keyset-paged query, with no row cap.
     *
     * @return how many rows were passed on
     */
    long suiteQl(KeysetQuery query, Consumer<SuiteQlRow> rows);

    /**
     * {@code GET} of a RESTlet deployed in the account: {@code /app/site/hosting/restlet.nl?script=..&deploy=..} on
     * the account's RESTlet host, authenticated like every other call (with M2M the integration needs the
     * {@code restlets} scope). It shares the account's concurrency limit; a RESTlet's throttling answer (HTTP 400
     * {@code SSS_REQUEST_LIMIT_EXCEEDED}) is retried like a 429, and, the call being a read, so are 5xx answers and
     * I/O errors.
     *
     * @param script the script's id ({@code customscript_x}) or internal id
     * @param deploy the deployment's id ({@code customdeploy_x}) or internal id
     * @param parameters more query parameters, passed to the script's {@code get} entry point
     * @return the script's JSON answer; an error the script caught and returned itself stays in the answer
     * @throws NetSuiteException for an error answer, e.g. {@code {"error":{"code","message"}}} with HTTP 400 for an
     *         error the script threw; its {@link NetSuiteException#errorCode()} is the SuiteScript error code
     */
    JsonNode getRestlet(String script, String deploy, Map<String, String> parameters);

    /**
     * The account's concurrency limits as NetSuite reports them; needs a role allowed to read them.
     *
     * @throws NetSuiteException when NetSuite refuses (e.g. 403 for a role without the permission)
     */
    GovernanceLimits governanceLimits();
}
