package io.portico.web.internal;

import io.portico.api.web.ProblemException;
import java.lang.annotation.Annotation;
import javax.ws.rs.FormParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.Provider;

/**
 * Refuses a request to a form's resource method that does not carry a form: Jersey cannot read form fields from
 * another media type (or from no body at all) and would fail the request as the server's fault.
 */
@Provider
final class FormsOnly implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() == null || !readsFormFields()) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "Send this form as application/x-www-form-urlencoded, as a browser does.");
        }
    }

    private boolean readsFormFields() {
        for (Annotation[] annotations : resource.getResourceMethod().getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof FormParam) {
                    return true;
                }
            }
        }
        return false;
    }
}
