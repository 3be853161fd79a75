package io.portico.db.internal;

import io.portico.api.db.Database;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.TypeAliasRegistry;

/**
 * The {@link Database} service: the shared pool, and MyBatis factories per caller. Public so that tests outside
 * OSGi (bundles/testing) configure MyBatis exactly as the server does; the package is not exported.
 */
public final class PooledDatabase implements Database {

    private final DataSource dataSource;

    public PooledDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * MyBatis resolves the class names in mapper XML (result types, type handlers) through the thread context class
     * loader, and in OSGi only the mappers' own bundle sees them; so that bundle's loader is the context loader
     * while the XML is parsed, here and nowhere else.
     */
    @Override
    public SqlSessionFactory sessionFactory(Class<?>... mapperInterfaces) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (mapperInterfaces.length > 0) {
            thread.setContextClassLoader(mapperInterfaces[0].getClassLoader());
        }
        try {
            Configuration configuration = new Configuration(
                    new Environment("portico", transactions(), dataSource));
            configuration.setMapUnderscoreToCamelCase(true);
            TypeAliasRegistry aliases = configuration.getTypeAliasRegistry();
            aliases.registerAlias("jsonMap", JsonMapTypeHandler.class);
            aliases.registerAlias("textList", SqlArrayListTypeHandler.TextList.class);
            aliases.registerAlias("longList", SqlArrayListTypeHandler.LongList.class);
            aliases.registerAlias("decimalList", SqlArrayListTypeHandler.DecimalList.class);
            for (Class<?> mapper : mapperInterfaces) {
                // Loads Mapper.xml next to the interface through the interface's own class loader.
                configuration.addMapper(mapper);
            }
            return new SqlSessionFactoryBuilder().build(configuration);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Transactions that a session closed without a commit leaves undone. By default MyBatis switches the connection
     * back to auto-commit on close, which commits whatever it holds when MyBatis saw no change to roll back (writes
     * mapped as selects: {@code INSERT … RETURNING}, claims); left in its transaction, the connection is rolled back by
     * the pool (or by the server, when a plain connection closes).
     */
    private static JdbcTransactionFactory transactions() {
        JdbcTransactionFactory factory = new JdbcTransactionFactory();
        Properties properties = new Properties();
        properties.setProperty("skipSetAutoCommitOnClose", "true");
        factory.setProperties(properties);
        return factory;
    }
}
