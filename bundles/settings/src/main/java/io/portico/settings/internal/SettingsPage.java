package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** What every settings page's model and answer share: the layout's user, CSRF token and place, marked fields. */
final class SettingsPage {

    private SettingsPage() {
    }

    /**
     * @param fieldErrors each field that is not valid and why, shown next to it
     * @param error what went wrong with the whole form, or {@code null}
     * @param notice what was done, or {@code null}
     */
    static Map<String, Object> model(ContainerRequestContext request, PortalUser user, String title, String path,
            Map<String, String> fieldErrors, String error, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("user", user);
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        model.put("currentPath", path);
        model.put("fieldErrors", fieldErrors);
        if (error != null) {
            model.put("error", error);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
        return model;
    }

    /** The page in the shared layout, never cached (it holds the session's CSRF token). */
    static Response render(Pages pages, Class<?> resource, String template, int status, Map<String, Object> model) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(resource, template, model)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
