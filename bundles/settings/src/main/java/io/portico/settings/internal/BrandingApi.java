package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Branding;
import io.portico.api.web.ColourContrast;
import io.portico.api.web.PorticoResource;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/admin/settings/branding} for the operator's owners and admins: the branding as JSON, and its text
 * fields replaced with {@code PUT} (images upload through Settings &gt; Branding). A field that is not valid is a 400
 * naming it; the change is audited like the page's.
 */
@Component(service = BrandingApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/admin/settings/branding")
public final class BrandingApi {

    private final BrandingSettings settings;

    @Activate
    public BrandingApi(@Reference BrandingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param textColour the colour text on {@code colour} is shown in (white or near-black, whichever reads)
     * @param whiteTextContrast white text's contrast on {@code colour}; below 4.5 fails WCAG AA, and
     *        {@code textColour} is then near-black
     * @param logo the logo's path, or {@code null}
     * @param favicon the favicon's path, or {@code null}
     */
    public record BrandingJson(String name, String colour, String supportEmail, String supportPhone, String footer,
            String textColour, double whiteTextContrast, String logo, String favicon) {
    }

    /** What a {@code PUT} sends: the text fields; empty or absent optional ones are cleared. */
    public record BrandingUpdate(String name, String colour, String supportEmail, String supportPhone,
            String footer) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public BrandingJson get(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return json(settings.branding());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BrandingJson put(BrandingUpdate update, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        if (update == null) {
            throw new InvalidSettingException("name", "Send the branding as a JSON object.");
        }
        settings.save(SettingsActor.of(user), new BrandingForm(update.name(), update.colour(),
                update.supportEmail(), update.supportPhone(), update.footer()), null, false, null, false);
        return json(settings.branding());
    }

    private static BrandingJson json(Branding b) {
        double contrast = Math.round(ColourContrast.ratio(ColourContrast.WHITE, b.colour()) * 100) / 100.0;
        return new BrandingJson(b.name(), b.colour(), b.supportEmail(), b.supportPhone(), b.footer(),
                b.textColour(), contrast, b.logoPath(), b.faviconPath());
    }
}
