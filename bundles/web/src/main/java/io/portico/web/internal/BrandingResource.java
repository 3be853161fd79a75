package io.portico.web.internal;

import io.portico.api.web.Branding;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /brand.css}: the brand's colours as CSS custom properties, so pages need no inline styles under the CSP:
 * the colour, the text on it (white or near-black, whichever reads) and the colour as links on white (darkened when
 * the brand colour is too light to read as text).
 */
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
        // Pages link it with the branding's hash (PageRenderer.brandCss): a change is a new address at once.
        return Response.ok(css(pages.branding())).header("Cache-Control", "max-age=300").build();
    }

    /** The colours were checked as #rrggbb when they were saved or read from the configuration. */
    static String css(Branding branding) {
        return ":root { --brand: " + branding.colour() + "; --brand-text: " + branding.textColour()
                + "; --link: " + branding.colourOnWhite() + "; }\n";
    }
}
