package io.portico.identity.internal.store;

import io.portico.api.db.Database;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The identity bundle's MyBatis session factory, with one short transaction per call. Every identity component
 * goes through it, so the mappers are parsed once.
 */
@Component(service = IdentityStore.class)
public final class IdentityStore {

    private final SqlSessionFactory factory;
    private final AtomicLong writes = new AtomicLong();

    @Activate
    public IdentityStore(@Reference Database database) {
        this(buildFactory(database));
    }

    public IdentityStore(SqlSessionFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs {@code work} in one transaction and commits it; an exception rolls everything back. The commit is forced
     * because {@code INSERT ... RETURNING} runs as a MyBatis select, which MyBatis does not count as a change.
     */
    public <T> T write(Function<SqlSession, T> work) {
        try (SqlSession session = factory.openSession(false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * How many write transactions ended on this node so far: a read made when this was lower may be out of date
     * (a signed-out session, a disabled user, a changed membership).
     */
    public long writes() {
        return writes.get();
    }

    /** Runs read-only {@code work}. */
    public <T> T read(Function<SqlSession, T> work) {
        try (SqlSession session = factory.openSession(true)) {
            return work.apply(session);
        }
    }

    /** Shortcut for a transaction that uses one mapper. */
    public <M, T> T write(Class<M> mapper, Function<M, T> work) {
        return write(session -> work.apply(session.getMapper(mapper)));
    }

    /** Shortcut for a read that uses one mapper. */
    public <M, T> T read(Class<M> mapper, Function<M, T> work) {
        return read(session -> work.apply(session.getMapper(mapper)));
    }

    static SqlSessionFactory buildFactory(Database database) {
        return database.sessionFactory(Mappers.ALL);
    }
}
