package io.portico.identity.internal.web;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.lang.reflect.Method;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;

/**
 * Makes a session that views a customer's portal read-only, for every resource of every bundle: any request but
 * GET, HEAD and OPTIONS is refused with a 403 (a branded page for browsers, problem+json for API clients), except
 * the methods marked {@link AllowedWhileViewing} (stop viewing, sign out). It runs after the CSRF check, so a forged
 * request is refused as forged.
 */
@Component(service = ReadOnlyWhileViewing.class, property = PorticoResource.PROPERTY + "=true")
@Provider
@Priority(Priorities.AUTHORIZATION + 1)
public final class ReadOnlyWhileViewing implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        PortalUser user = RequestAuth.authentication(request).user();
        if (user == null || !user.viewingAs() || SAFE.contains(request.getMethod()) || allowed()) {
            return;
        }
        throw ProblemException.forbidden(message(user.organizationName()));
    }

    static String message(String organizationName) {
        return "You are viewing as " + organizationName + ", read-only: nothing can be changed. Stop viewing to act "
                + "as yourself again.";
    }

    private boolean allowed() {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(AllowedWhileViewing.class);
    }
}
