package io.portico.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Portico health", description = "Who may read the details of /health")
public @interface HealthConfig {

    @AttributeDefinition(name = "Monitoring token", type = AttributeType.PASSWORD, required = false,
            description = "Lets monitoring read /health's checks, plugins and problems with an 'Authorization: Bearer "
                    + "<token>' header (plain or sealed as ENC(...)); empty: only signed-in owners and admins of the "
                    + "operator see them. Everyone else gets the status alone.")
    String monitoringToken() default "";
}
