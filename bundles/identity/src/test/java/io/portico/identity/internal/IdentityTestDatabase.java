package io.portico.identity.internal;

import io.portico.identity.internal.store.IdentityStore;
import io.portico.testing.TestDatabase;
import javax.sql.DataSource;

/** A throw-away migrated database with the identity store over it, with MyBatis configured as on the server. */
public final class IdentityTestDatabase implements AutoCloseable {

    private final TestDatabase database = TestDatabase.create();
    private final IdentityStore store = new IdentityStore(database.database());

    public IdentityStore store() {
        return store;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public void close() {
        database.close();
    }
}
