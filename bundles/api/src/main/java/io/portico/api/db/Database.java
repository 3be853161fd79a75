package io.portico.api.db;

import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Portico's PostgreSQL database, registered once the schema migrations have been applied.
 *
 * <p>Each bundle builds its own {@link SqlSessionFactory} from its mapper interfaces, so mapper classes and XML are
 * loaded through the owning bundle's class loader and go away with it when the bundle stops.
 */
@ProviderType
public interface Database {

    /** The pooled DataSource. */
    DataSource dataSource();

    /**
     * A session factory over the shared pool that knows the given mapper interfaces (and the XML files next to
     * them) and nothing else. The mappers come from one bundle, whose class loader resolves the class names in
     * their XML. Their XML may name the shared type handlers by alias: {@code jsonMap} ({@code jsonb} as a
     * {@code Map}), {@code textList}, {@code longList} and {@code decimalList} ({@code text[]}, {@code bigint[]} and
     * {@code numeric[]} as a {@code List}); a {@code NULL} column reads as an empty map or list.
     */
    SqlSessionFactory sessionFactory(Class<?>... mapperInterfaces);
}
