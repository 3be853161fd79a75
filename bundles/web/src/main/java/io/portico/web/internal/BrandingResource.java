package io.portico.web.internal;

import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /brand.css}: the brand colour as a CSS variable, so pages need no inline styles under the CSP. */
@Component(service = BrandingResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("brand.css")
public class BrandingResource {

    private final Pages pages;

    @Activate
    public BrandingResource(@Reference Pages pages) {
        this.pages = pages;
    }

    @GET
    @Produces("text/css")
    public Response css() {
        // The colour was validated as #rrggbb when the configuration was read.
        return Response.ok(":root { --brand: " + pages.branding().colour() + "; }\n")
                .header("Cache-Control", "max-age=300").build();
    }
}
