package io.portico.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import io.portico.api.web.ProblemException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem-details response, or, for a browser asking
 * for a page, into the same problem on a branded page. Unexpected errors are logged with an id that the response
 * repeats, and their message never reaches the client.
 */
@Provider
final class ProblemMapper implements ExceptionMapper<Throwable> {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PAGE = "problem.ftlh";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final Pages pages;

    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;
    @Context
    private HttpServletRequest request;

    ProblemMapper(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof NotSignedInException && request != null && (wantsPage() || inPlaceUpdate())) {
            return signInFirst();
        }
        if (error instanceof ProblemException p) {
            return problem(p.status(), p.title(), p.detail());
        }
        if (error instanceof JsonProcessingException json && !(error instanceof InvalidDefinitionException)) {
            // Malformed or mistyped JSON in the request is the caller's mistake, not the server's.
            return problem(400, "Bad Request", JsonErrors.describe(json));
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
            Response mapped = problem(status.getStatusCode(), titleFor(status.getStatusCode()),
                    detailFor(status.getStatusCode()));
            w.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> mapped.getHeaders().add(name, v));
                }
            });
            return mapped;
        }
        ProblemException refusedByDatabase = DatabaseRefusals.of(error);
        if (refusedByDatabase != null) {
            return problem(refusedByDatabase.status(), refusedByDatabase.title(), refusedByDatabase.detail());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error serving {} (incident {})", path(), incident, error);
        return problem(500, "Internal Server Error",
                "The server could not complete the request; quote incident " + incident + " to support.");
    }

    /**
     * A browser without a session signs in first and comes back afterwards: to the page it opened, to the page whose
     * form it sent (its Referer on this server), or, for an in-place update, htmx loads the sign-in page as a whole.
     */
    private Response signInFirst() {
        URI here = uriInfo.getRequestUri();
        String next = here.getRawPath() + (here.getRawQuery() == null ? "" : "?" + here.getRawQuery());
        if (!"GET".equals(request.getMethod())) {
            next = sameServerPath(headers.getHeaderString("Referer"), here);
        }
        String signIn = "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        Response.ResponseBuilder response = inPlaceUpdate()
                ? Response.noContent().header("HX-Redirect", signIn)
                : Response.seeOther(URI.create(signIn));
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String sameServerPath(String referer, URI here) {
        try {
            URI from = referer == null ? null : URI.create(referer);
            if (from != null && here.getAuthority() != null && here.getAuthority().equals(from.getRawAuthority())
                    && from.getRawPath() != null && from.getRawPath().startsWith("/")) {
                return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            }
        } catch (IllegalArgumentException malformed) {
            // An unreadable Referer names no page to come back to.
        }
        return "/";
    }

    private Response problem(int status, String title, String detail) {
        if (wantsPage()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("title", title);
            model.put("status", status);
            model.put("detail", detail);
            Object user = request == null ? null : request.getAttribute(PortalUser.REQUEST_PROPERTY);
            if (user instanceof PortalUser) {
                // The layout's header, with its sign-out form, as on every page of a signed-in person.
                model.put("user", user);
                model.put("csrf", request.getAttribute(PortalUser.CSRF_REQUEST_PROPERTY));
            }
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(pages.render(ProblemMapper.class, PAGE, model)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", path());
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /** A browser navigating to a page (not the JSON API) prefers HTML over JSON in its Accept header. */
    /** An htmx request from a page, which swaps the answer into part of it. */
    private boolean inPlaceUpdate() {
        String path = path();
        return headers != null && headers.getHeaderString("HX-Request") != null && path != null
                && !path.startsWith("/api/");
    }

    private boolean wantsPage() {
        String path = path();
        if (headers == null || path == null || path.startsWith("/api/")) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = headers.getAcceptableMediaTypes();
        } catch (RuntimeException unparseableAccept) {
            return false;
        }
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return false;
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

    /** The detail of a refusal that Jersey or the container made on its own, in plain words. */
    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The resource cannot produce the media type asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "The request's media type is not supported here.";
            default -> titleFor(status) + ".";
        };
    }

    static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? (status >= 500 ? "Server Error" : "Request Refused") : known.getReasonPhrase();
    }
}
