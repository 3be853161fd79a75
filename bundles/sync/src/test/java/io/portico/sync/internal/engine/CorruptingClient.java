package io.portico.sync.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.GovernanceLimits;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteMetrics;
import io.portico.netsuite.RecordIdPage;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A client that passes every call on, but rewrites SuiteQL rows on the way back, the way a misbehaving account or a
 * partner's customization would send them: the sandbox itself only serves well-formed data.
 */
public final class CorruptingClient implements NetSuiteClient {

    private static final AccountFormat FORMAT = AccountFormat.of("M/d/yyyy", ZoneId.of("America/Los_Angeles"));

    private final NetSuiteClient delegate;
    private volatile UnaryOperator<Map<String, String>> corruption = UnaryOperator.identity();

    public CorruptingClient(NetSuiteClient delegate) {
        this.delegate = delegate;
    }

    /** How rows are rewritten from now on: the function gets a mutable copy of the row's columns. */
    public void corrupt(UnaryOperator<Map<String, String>> rewrite) {
        this.corruption = rewrite;
    }

    private Consumer<SuiteQlRow> rewriting(Consumer<SuiteQlRow> rows) {
        UnaryOperator<Map<String, String>> c = corruption;
        return row -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : row.columns()) {
                values.put(column, row.getString(column));
            }
            rows.accept(new SuiteQlRow(c.apply(values), FORMAT));
        };
    }

    @Override
    public SuiteQlPage suiteQlPage(String query, int limit, int offset, Consumer<SuiteQlRow> rows) {
        return delegate.suiteQlPage(query, limit, offset, rewriting(rows));
    }

    @Override
    public long suiteQl(String query, int pageSize, Consumer<SuiteQlRow> rows) {
        return delegate.suiteQl(query, pageSize, rewriting(rows));
    }

    @Override
    public long suiteQl(KeysetQuery query, Consumer<SuiteQlRow> rows) {
        return delegate.suiteQl(query, rewriting(rows));
    }

    @Override
    public NetSuiteAccount account() {
        return delegate.account();
    }

    @Override
    public NetSuiteMetrics metrics() {
        return delegate.metrics();
    }

    @Override
    public ObjectNode getRecord(String recordType, String id, RecordReadOptions options) {
        return delegate.getRecord(recordType, id, options);
    }

    @Override
    public RecordIdPage listRecordIds(String recordType, String query, int limit, int offset) {
        return delegate.listRecordIds(recordType, query, limit, offset);
    }

    @Override
    public long forEachRecordId(String recordType, String query, Consumer<String> ids) {
        return delegate.forEachRecordId(recordType, query, ids);
    }

    @Override
    public String createRecord(String recordType, JsonNode body) {
        return delegate.createRecord(recordType, body);
    }

    @Override
    public void updateRecord(String recordType, String id, JsonNode changes) {
        delegate.updateRecord(recordType, id, changes);
    }

    @Override
    public Optional<String> upsertRecord(String recordType, String externalId, JsonNode body) {
        return delegate.upsertRecord(recordType, externalId, body);
    }

    @Override
    public void deleteRecord(String recordType, String id) {
        delegate.deleteRecord(recordType, id);
    }

    @Override
    public JsonNode getRestlet(String script, String deploy, Map<String, String> parameters) {
        return delegate.getRestlet(script, deploy, parameters);
    }

    @Override
    public GovernanceLimits governanceLimits() {
        return delegate.governanceLimits();
    }
}
