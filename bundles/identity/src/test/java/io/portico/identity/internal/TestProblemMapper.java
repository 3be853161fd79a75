package io.portico.identity.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.portico.api.web.ProblemException;
import java.util.Map;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** Answers problems the way the web bundle's mapper does (RFC 9457 JSON), for tests outside OSGi. */
public final class TestProblemMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof ProblemException p) {
            return problem(p.status(), p.detail());
        }
        if (error instanceof JsonProcessingException && !(error instanceof InvalidDefinitionException)) {
            return problem(400, "not valid JSON");
        }
        if (error instanceof WebApplicationException w) {
            return problem(w.getResponse().getStatus(), w.getMessage());
        }
        error.printStackTrace();
        return problem(500, String.valueOf(error));
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("status", status, "detail", detail)).build();
    }
}
