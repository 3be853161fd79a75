package io.portico.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.GovernanceLimits;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteMetrics;
import io.portico.netsuite.RecordIdPage;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.internal.auth.ClientAssertion;
import io.portico.netsuite.internal.auth.HttpTokenEndpoint;
import io.portico.netsuite.internal.auth.M2mAuthorizer;
import io.portico.netsuite.internal.auth.TbaSigner;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.http.ApiRequest;
import io.portico.netsuite.internal.http.CallCounters;
import io.portico.netsuite.internal.http.ConcurrencyGate;
import io.portico.netsuite.internal.http.RequestAuthorizer;
import io.portico.netsuite.internal.http.RequestExecutor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The client of one account, built from its settings; {@link #close()} stops its HTTP threads. */
public final class DefaultNetSuiteClient implements NetSuiteClient, AutoCloseable {

    private final NetSuiteAccount account;
    private final ExecutorService httpThreads;
    private final ConcurrencyGate gate;
    private final CallCounters counters = new CallCounters();
    private final RequestExecutor executor;
    private final Endpoints endpoints;
    private final ObjectMapper json = new ObjectMapper();
    private final RecordService records;
    private final SuiteQlService suiteQl;

    public DefaultNetSuiteClient(ClientSettings settings) {
        Clock clock = Clock.systemUTC();
        this.account = new NetSuiteAccount(settings.account().realm(), settings.baseUri(), settings.authMethod(),
                settings.concurrencyLimit(), settings.retryPolicy().maxRetries());
        this.httpThreads = Executors.newCachedThreadPool(daemonThreads("netsuite-" + account.accountId() + "-"));
        this.gate = new ConcurrencyGate(settings.concurrencyLimit());
        this.endpoints = new Endpoints(settings.baseUri(), settings.restletBaseUri());
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .executor(httpThreads)
                .build();
        this.executor = executor(http, authorizer(settings, http, clock), settings, clock);
        this.records = new RecordService(executor, endpoints, json);
        this.suiteQl = new SuiteQlService(executor, endpoints, json, settings.format());
    }

    private RequestAuthorizer authorizer(ClientSettings settings, HttpClient http, Clock clock) {
        return switch (settings.authMethod()) {
            case TBA -> new TbaSigner(settings.account().realm(), settings.tba(), clock);
            case M2M -> new M2mAuthorizer(
                    new ClientAssertion(settings.m2m(), endpoints.token(), json),
                    new HttpTokenEndpoint(executor(http, RequestAuthorizer.NONE, settings, clock), endpoints.token(),
                            json, clock),
                    clock);
        };
    }

    private RequestExecutor executor(HttpClient http, RequestAuthorizer authorizer, ClientSettings settings,
                                     Clock clock) {
        return new RequestExecutor(http, authorizer, gate, settings.retryPolicy(), counters,
                settings.requestTimeout(), json, clock);
    }

    @Override
    public NetSuiteAccount account() {
        return account;
    }

    @Override
    public NetSuiteMetrics metrics() {
        return counters.snapshot(gate);
    }

    @Override
    public ObjectNode getRecord(String recordType, String id, RecordReadOptions options) {
        return records.get(recordType, id, options);
    }

    @Override
    public RecordIdPage listRecordIds(String recordType, String query, int limit, int offset) {
        return records.list(recordType, query, limit, offset);
    }

    @Override
    public long forEachRecordId(String recordType, String query, Consumer<String> ids) {
        return records.forEachId(recordType, query, ids);
    }

    @Override
    public String createRecord(String recordType, JsonNode body) {
        return records.create(recordType, body);
    }

    @Override
    public void updateRecord(String recordType, String id, JsonNode changes) {
        records.update(recordType, id, changes);
    }

    @Override
    public Optional<String> upsertRecord(String recordType, String externalId, JsonNode body) {
        return records.upsert(recordType, externalId, body);
    }

    @Override
    public void deleteRecord(String recordType, String id) {
        records.delete(recordType, id);
    }

    @Override
    public SuiteQlPage suiteQlPage(String query, int limit, int offset, Consumer<SuiteQlRow> rows) {
        return suiteQl.page(query, limit, offset, rows);
    }

    @Override
    public long suiteQl(String query, int pageSize, Consumer<SuiteQlRow> rows) {
        return suiteQl.all(query, pageSize, rows);
    }

    @Override
    public long suiteQl(KeysetQuery query, Consumer<SuiteQlRow> rows) {
        return suiteQl.keyset(query, rows);
    }

    @Override
    public JsonNode getRestlet(String script, String deploy, Map<String, String> parameters) {
        return executor.execute(ApiRequest.get(endpoints.restlet(script, deploy, parameters)),
                (status, headers, body) -> json.readTree(body));
    }

    @Override
    public GovernanceLimits governanceLimits() {
        JsonNode limits = executor.execute(ApiRequest.get(endpoints.governanceLimits()),
                (status, headers, body) -> json.readTree(body));
        return new GovernanceLimits(limits.path("accountConcurrencyLimit").asInt(-1),
                limits.path("accountUnallocatedConcurrencyLimit").asInt(-1),
                limits.path("integrationConcurrencyLimit").asInt(-1),
                limits.path("integrationLimitType").asText(null));
    }

    /** Calls already running finish; their threads end once idle. */
    @Override
    public void close() {
        httpThreads.shutdown();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
