package io.portico.identity.internal.api;

import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.apitoken.ApiTokenRecord;
import io.portico.identity.internal.apitoken.ApiTokens;
import io.portico.identity.internal.web.RequestAuth;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** API tokens of the operator's admins; the token itself is in the creation response only. */
@Component(service = ApiTokensApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiTokensApi {

    record NewToken(String name, Integer validDays) {
    }

    private final ApiTokens tokens;

    @Activate
    public ApiTokensApi(@Reference ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    public List<ApiTokenRecord> list(@Context ContainerRequestContext request) {
        return tokens.list(Caller.of(request));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context ContainerRequestContext request, NewToken token) {
        if (token == null) {
            throw ProblemException.badRequest("Send {\"name\": ..., \"validDays\": 90}.");
        }
        ApiTokens.Created created = tokens.create(Caller.of(request), token.name(), token.validDays(),
                RequestAuth.client(request));
        return Response.created(URI.create("/api/api-tokens/" + created.record().id())).entity(created)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("id") long id) {
        tokens.revoke(Caller.of(request), id, RequestAuth.client(request));
        return Response.noContent().build();
    }
}
