package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.List;
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
 * {@code /api/admin/settings/sidebar} for the operator's owners and admins: the sidebar's entries in order, and the
 * whole arrangement replaced with {@code PUT} (in the order sent). An entry that is not valid is a 400 naming it; the
 * change is audited like the page's.
 */
@Component(service = SidebarApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/admin/settings/sidebar")
public final class SidebarApi {

    private final SidebarSettings settings;

    @Activate
    public SidebarApi(@Reference SidebarSettings settings) {
        this.settings = settings;
    }

    /**
     * @param key a record type's name, {@code dashboard}, or a page's such as {@code documents} and {@code statement}
     * @param label the label customers see
     * @param icon the icon's name
     * @param placed false for an entry an admin has not placed yet (it shows after the placed ones)
     */
    public record EntryJson(String key, String label, String defaultLabel, String icon, boolean shown,
            boolean placed) {
    }

    public record SidebarJson(List<EntryJson> entries) {
    }

    /** One entry of a {@code PUT}: {@code label} and {@code icon} may be left out for the defaults. */
    public record EntryUpdate(String key, String label, String icon, Boolean shown) {
    }

    public record SidebarUpdate(List<EntryUpdate> entries) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SidebarJson get(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return json();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public SidebarJson put(SidebarUpdate update, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        settings.save(SettingsActor.of(user), placements(update));
        return json();
    }

    /** The entries sent, as placements in their order; an entry {@code shown} leaves out is shown. */
    static List<SidebarLayout.Placement> placements(SidebarUpdate update) {
        if (update == null || update.entries() == null || update.entries().contains(null)) {
            throw new InvalidSettingException("entries", "Send the sidebar as {\"entries\": [...]}, one object per "
                    + "entry.");
        }
        return update.entries().stream().map(e -> new SidebarLayout.Placement(e.key(), e.label(), e.icon(),
                Boolean.FALSE.equals(e.shown()))).toList();
    }

    private SidebarJson json() {
        return new SidebarJson(settings.rows().stream().map(row -> {
            SidebarLayout.Placement p = row.placement();
            return new EntryJson(p.key(), p.label() == null ? row.defaultLabel() : p.label(), row.defaultLabel(),
                    p.icon() == null ? SidebarIcons.defaultFor(p.key()) : p.icon(), !p.hidden(), row.placed());
        }).toList());
    }
}
