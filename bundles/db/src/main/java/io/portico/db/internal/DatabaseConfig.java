package io.portico.db.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico database", description = "The PostgreSQL database Portico keeps its data in")
public @interface DatabaseConfig {

    @AttributeDefinition(description = "JDBC URL, e.g. jdbc:postgresql://localhost:5432/portico")
    String url() default "jdbc:postgresql://localhost:5432/portico";

    @AttributeDefinition(description = "Database user")
    String user() default "portico";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Database password; seal it with portico:secret-seal to keep it encrypted at rest")
    String password() default "";

    @AttributeDefinition(description = "Largest number of pooled connections")
    int maxPoolSize() default 20;

    @AttributeDefinition(description = "How long a caller waits for a pooled connection, in milliseconds")
    long connectionTimeoutMillis() default 5000;

    @AttributeDefinition(description = "How often to retry while the database cannot be reached, in seconds")
    int retrySeconds() default 5;
}
