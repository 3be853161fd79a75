package io.portico.db.internal;

import io.portico.api.db.Database;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** The {@link Database} service: the shared pool, and MyBatis factories per caller. */
final class PooledDatabase implements Database {

    private final DataSource dataSource;

    PooledDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public SqlSessionFactory sessionFactory(Class<?>... mapperInterfaces) {
        Configuration configuration = new Configuration(
                new Environment("portico", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        for (Class<?> mapper : mapperInterfaces) {
            // Loads Mapper.xml next to the interface through the interface's own class loader.
            configuration.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
