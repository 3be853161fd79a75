package io.portico.settings.internal;

import io.portico.api.web.BrandingSource;
import io.portico.api.web.ContentSecurityPolicy;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.util.Optional;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The uploaded logo and favicon, for anyone (the sign-in page shows them): each with its own image type, never
 * sniffed ({@code nosniff} on every answer), and a policy that runs nothing and loads nothing even when an SVG is
 * opened on its own. The pages link them with the branding's version ({@code ?v=}), so that version is cached for
 * good and a new upload is fetched at once.
 */
@Component(service = BrandingAssets.class, property = PorticoResource.PROPERTY + "=true")
@Path("branding")
public final class BrandingAssets {

    /** Renders the image; no script, no fetches, no forms, no plugins, and a unique origin. */
    static final String IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final BrandingSettings settings;

    @Activate
    public BrandingAssets(@Reference BrandingSettings settings) {
        this.settings = settings;
    }

    @GET
    @Path("logo")
    public Response logo(@QueryParam("v") String version) {
        return image(settings.logo(), version, settings.branding().logoPath());
    }

    @GET
    @Path("favicon")
    public Response favicon(@QueryParam("v") String version) {
        return image(settings.favicon(), version, settings.branding().faviconPath());
    }

    private static Response image(Optional<BrandingSource.Image> image, String version, String currentPath) {
        if (image.isEmpty()) {
            throw ProblemException.notFound("No such image has been uploaded.");
        }
        boolean current = version != null && currentPath != null && currentPath.endsWith("?v=" + version);
        return Response.ok(image.get().bytes(), image.get().contentType())
                .header(ContentSecurityPolicy.HEADER, IMAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, current ? "public, max-age=31536000, immutable" : "no-cache")
                .build();
    }
}
