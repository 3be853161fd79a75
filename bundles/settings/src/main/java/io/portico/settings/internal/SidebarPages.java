package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; Sidebar for the operator's owners and admins: each entry's position, label, icon and whether
 * customers see it, in one form that needs no JavaScript (positions are numbers). Anyone else signed in gets a 403;
 * an entry that is not valid answers 400 with the page, the field marked and nothing saved.
 */
@Component(service = SidebarPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/sidebar")
public final class SidebarPages {

    private static final String PATH = "/admin/sidebar";
    private static final int MAX_ENTRIES = 200;

    private final SidebarSettings settings;
    private final Pages pages;

    @Activate
    public SidebarPages(@Reference SidebarSettings settings, @Reference Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        PortalUser user = SettingsActor.admin(request);
        return page(request, user, 200, Map.of(), null,
                "saved".equals(notice) ? "The sidebar was saved: every customer sees it now." : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        try {
            settings.save(SettingsActor.of(user), entries(form));
        } catch (InvalidSettingException e) {
            return page(request, user, 400, Map.of(e.field(), e.detail()),
                    "Nothing was saved: correct the entry marked below.", null);
        }
        return Response.seeOther(URI.create(PATH + "?notice=saved")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The form's entries ordered by their positions (ties keep the form's order). */
    static List<SidebarLayout.Placement> entries(MultivaluedMap<String, String> form) {
        List<String> keys = form.get("key") == null ? List.of() : form.get("key");
        if (keys.size() > MAX_ENTRIES) {
            throw new InvalidSettingException("key", "The sidebar has at most " + MAX_ENTRIES + " entries.");
        }
        record Positioned(int position, int index, SidebarLayout.Placement placement) {
        }
        List<Positioned> positioned = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String position = form.getFirst("position." + key);
            int number;
            try {
                number = Integer.parseInt(position == null ? "" : position.strip());
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("position." + key, "Each position must be a whole number, like 3.");
            }
            if (number < 1 || number > 999) {
                throw new InvalidSettingException("position." + key, "Each position must be between 1 and 999.");
            }
            positioned.add(new Positioned(number, i, new SidebarLayout.Placement(key, form.getFirst("label." + key),
                    form.getFirst("icon." + key), !"true".equals(form.getFirst("shown." + key)))));
        }
        positioned.sort(Comparator.comparingInt(Positioned::position).thenComparingInt(Positioned::index));
        return positioned.stream().map(Positioned::placement).toList();
    }

    private Response page(ContainerRequestContext request, PortalUser user, int status,
            Map<String, String> fieldErrors, String error, String notice) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int position = 1;
        for (SidebarSettings.Row row : settings.rows()) {
            SidebarLayout.Placement p = row.placement();
            Map<String, Object> view = new HashMap<>();
            view.put("key", p.key());
            view.put("position", position++);
            view.put("defaultLabel", row.defaultLabel());
            view.put("label", p.label() == null ? "" : p.label());
            view.put("icon", p.icon() == null ? SidebarIcons.defaultFor(p.key()) : p.icon());
            view.put("shown", !p.hidden());
            view.put("placed", row.placed());
            view.put("dashboard", SidebarLayout.DASHBOARD.equals(p.key()));
            rows.add(view);
        }
        Map<String, Object> model = SettingsPage.model(request, user, "Sidebar", PATH, fieldErrors, error, notice);
        model.put("rows", rows);
        model.put("icons", SidebarIcons.NAMES);
        return SettingsPage.render(pages, SidebarPages.class, "sidebar.ftlh", status, model);
    }
}
