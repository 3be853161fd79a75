package io.portico.web.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.portico.api.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem-details response. Unexpected errors are
 * logged with an id that the response repeats, and their message never reaches the client.
 */
@Provider
final class ProblemMapper implements ExceptionMapper<Throwable> {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof ProblemException p) {
            return problem(p.status(), p.title(), p.detail());
        }
        if (error instanceof JsonParseException || error instanceof MismatchedInputException) {
            // Malformed or mistyped JSON in the request is the caller's mistake, not the server's.
            String message = ((JsonProcessingException) error).getOriginalMessage();
            String reason = message == null ? "" : message.lines().findFirst().orElse("");
            return problem(400, "Bad Request", "The request body is not valid JSON for this resource: " + reason);
        }
        if (error instanceof ParamException p && !(p instanceof ParamException.PathParamException)) {
            // Jersey answers a query parameter it cannot convert (page=abc, a number out of range) with 404, as if
            // the resource were missing: it is the caller's mistake, so say which parameter. An unreadable path
            // segment stays a 404: there is no resource at that address.
            return problem(400, "Bad Request", "The " + kind(p) + " '" + p.getParameterName() + "' is not valid"
                    + (p.getCause() instanceof NumberFormatException ? ": it must be a whole number within range."
                            : "."));
        }
        if (error instanceof WebApplicationException w) {
            Response.StatusType status = w.getResponse().getStatusInfo();
            Response mapped = problem(status.getStatusCode(), status.getReasonPhrase(), detailFor(status));
            w.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> mapped.getHeaders().add(name, v));
                }
            });
            return mapped;
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error serving {} (incident {})", path(), incident, error);
        return problem(500, "Internal Server Error",
                "The server could not complete the request; quote incident " + incident + " to support.");
    }

    private Response problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path());
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath();
    }

    private static String kind(ParamException p) {
        Class<?> type = p.getParameterType();
        if (type == QueryParam.class) {
            return "query parameter";
        }
        if (type == FormParam.class) {
            return "form field";
        }
        if (type == HeaderParam.class) {
            return "header";
        }
        return type == CookieParam.class ? "cookie" : "parameter";
    }

    private static String detailFor(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The resource cannot produce the media type asked for.";
            case 415 -> "The request's media type is not supported here.";
            default -> status.getReasonPhrase();
        };
    }
}
