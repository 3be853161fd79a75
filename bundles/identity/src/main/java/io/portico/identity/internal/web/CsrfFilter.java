package io.portico.identity.internal.web;

import io.portico.api.web.MultipartForm;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.crypto.Tokens;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;

/**
 * CSRF protection for every state-changing request made with a session cookie, whichever bundle serves it: the
 * session's CSRF token must come back in the {@code X-CSRF-Token} header or, for HTML forms (URL-encoded or, for an
 * upload, multipart), the {@code csrf} field.
 * Requests with an API token carry no ambient credentials and need none. Before sign-in, the identity pages check a
 * double-submit token themselves ({@link AnonymousCsrf}).
 */
@Component(service = CsrfFilter.class, property = PorticoResource.PROPERTY + "=true")
@Provider
@Priority(Priorities.AUTHORIZATION)
public final class CsrfFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        boolean form = MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType());
        String fromForm = form ? FormBody.field(request, FIELD) : null;
        Authentication auth = RequestAuth.authentication(request);
        if (auth.session() == null) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null && MultipartForm.isMultipart(request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            presented = FormBody.multipartField(request, FIELD);
        }
        if (presented == null) {
            presented = fromForm;
        }
        if (!Tokens.same(presented, auth.csrfToken())) {
            throw ProblemException.forbidden("The request's CSRF token is missing or out of date. Reload the page and "
                    + "try again.");
        }
    }
}
