package io.portico.records.internal;

import io.portico.api.db.Database;
import io.portico.api.identity.DataScope;
import io.portico.api.records.RecordChanges;
import io.portico.api.records.RecordState;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link RecordChanges}: reads of the synced-record tables for the operator's tenant, through the mapper. */
@Component(service = RecordChanges.class)
public final class RecordChangesImpl implements RecordChanges {

    private final SqlSessionFactory sessions;

    @Activate
    public RecordChangesImpl(@Reference Database database) {
        this(database.sessionFactory(RecordMapper.class));
    }

    /** Over a session factory that knows {@link RecordMapper}; public for plugins' tests against a real database. */
    public RecordChangesImpl(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<RecordState> syncedAfter(DataScope scope, String recordType, RecordState.Point after, int limit) {
        if (limit < 1 || limit > MAX_IDS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_IDS + ", not " + limit);
        }
        long tenant = tenant(scope);
        return read(m -> m.syncedAfter(tenant, recordType, after, limit));
    }

    @Override
    public List<RecordState> current(DataScope scope, String recordType, List<Long> netsuiteIds) {
        if (netsuiteIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids at once, not " + netsuiteIds.size());
        }
        long tenant = tenant(scope);
        return netsuiteIds.isEmpty() ? List.of() : read(m -> m.current(tenant, recordType, netsuiteIds));
    }

    /** The scope's tenant, when it is the operator's. */
    private static long tenant(DataScope scope) {
        if (scope.organizationId() != null) {
            throw new IllegalArgumentException("record changes are for the operator's scope, not a customer's");
        }
        return scope.tenantId();
    }

    private <T> T read(Function<RecordMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(RecordMapper.class));
        }
    }
}
