package io.portico.web.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** The portal's front door: the signed-in user's home, or the way to sign in. */
@Path("")
public final class HomeResource {

    private final Pages pages;

    HomeResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home(@Context ContainerRequestContext request) {
        Optional<PortalUser> user = Optional.ofNullable(request.getProperty(PortalUser.REQUEST_PROPERTY))
                .filter(PortalUser.class::isInstance).map(PortalUser.class::cast);
        if (user.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", user.get().organizationName());
        model.put("user", user.get());
        model.put("csrf", request.getProperty(PortalUser.CSRF_REQUEST_PROPERTY));
        return Response.ok(pages.render(HomeResource.class, "home.ftlh", model))
                .header("Cache-Control", "no-store").build();
    }
}
