package io.portico.documents.internal;

import io.portico.api.web.PorticoResource;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/statement}: the statement of account as JSON, with the page's parameters. A root resource of its
 * own: under {@code /api} Jersey matches the root with the longest path first, and the portal's API owns {@code api}.
 */
@Component(service = StatementApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/statement")
public final class StatementApi {

    private final StatementPages statements;

    @Activate
    public StatementApi(@Reference StatementPages statements) {
        this.statements = statements;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> statement(@Context ContainerRequestContext request) {
        return statements.json(request);
    }
}
