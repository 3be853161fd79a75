package io.portico.plugins.attachments.internal;

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
 * {@code GET /api/attachments/search}: the documents page's search as JSON (same parameters). A root resource of its
 * own, so that Jersey, which matches the root with the longest path first, does not take "search" for an id.
 */
@Component(service = AttachmentSearchApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/attachments/search")
public final class AttachmentSearchApi {

    private final AttachmentPages pages;

    @Activate
    public AttachmentSearchApi(@Reference AttachmentPages pages) {
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> search(@Context ContainerRequestContext request) {
        return pages.search(request);
    }
}
