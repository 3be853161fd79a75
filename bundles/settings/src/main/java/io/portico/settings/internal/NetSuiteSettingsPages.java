package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.NetSuiteConnections;
import java.net.URI;
import java.util.LinkedHashMap;
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
 * Settings &gt; NetSuite for the operator's owners and admins: the account and its TBA or M2M credentials, saved
 * with the secrets sealed and never shown again, and a Test that shows what {@code portico:netsuite-test} shows for
 * the values in the form before (or after) they are saved. While {@code etc/io.portico.netsuite.cfg} exists it wins:
 * the page shows its account read-only, and Test checks it. A field that is not valid answers 400 with the page, the
 * field marked, what was typed kept (secrets sealed in hidden fields) and nothing saved.
 */
@Component(service = NetSuiteSettingsPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/netsuite")
public final class NetSuiteSettingsPages {

    private static final String PATH = "/admin/netsuite";

    private final NetSuiteSettings settings;
    private final Pages pages;

    @Activate
    public NetSuiteSettingsPages(@Reference NetSuiteSettings settings, @Reference Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        PortalUser user = SettingsActor.admin(request);
        return page(request, user, 200, NetSuiteSettingsForm.of(settings.saved()), Map.of(), Map.of(), null, null,
                "saved".equals(notice) ? "The connection was saved: every server uses it within seconds." : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        NetSuiteSettingsForm entered = NetSuiteSettingsForm.of(form::getFirst);
        try {
            settings.save(SettingsActor.of(user), entered);
        } catch (InvalidSettingException e) {
            return page(request, user, e.status(), entered, settings.carried(entered),
                    Map.of(e.field(), e.detail()), "Nothing was saved: correct the field marked below.", null, null);
        }
        return Response.seeOther(URI.create(PATH + "?notice=saved")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response test(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        if (settings.fileWins()) {
            return page(request, user, 200, NetSuiteSettingsForm.of(settings.saved()), Map.of(), Map.of(), null,
                    settings.connections().checkInUse().orElse(null), null);
        }
        NetSuiteSettingsForm entered = NetSuiteSettingsForm.of(form::getFirst);
        Map<String, String> carried = settings.carried(entered);
        try {
            return page(request, user, 200, entered, carried, Map.of(), null, settings.test(entered), null);
        } catch (InvalidSettingException e) {
            return page(request, user, e.status(), entered, carried, Map.of(e.field(), e.detail()),
                    "Not tested: correct the field marked below.", null, null);
        }
    }

    private Response page(ContainerRequestContext request, PortalUser user, int status, NetSuiteSettingsForm form,
            Map<String, String> carried, Map<String, String> fieldErrors, String error, ConnectionCheck check,
            String notice) {
        NetSuiteConnections connections = settings.connections();
        NetSuiteSettingsRow saved = settings.saved();
        Map<String, Boolean> secretSet = new LinkedHashMap<>();
        for (String secret : NetSuiteConnection.SECRETS) {
            secretSet.put(secret, saved != null && NetSuiteSettings.secret(saved, secret) != null);
        }
        Map<String, Object> model = SettingsPage.model(request, user, "NetSuite", PATH, fieldErrors, error, notice);
        model.put("form", form);
        model.put("carried", carried);
        model.put("secretSet", secretSet);
        model.put("fileWins", settings.fileWins());
        model.put("file", NetSuiteSettings.FILE);
        model.put("source", connections.source().name());
        connections.account().ifPresent(account -> model.put("account", account));
        connections.problem().ifPresent(problem -> model.put("problem", problem));
        if (check != null) {
            model.put("check", check);
        }
        return SettingsPage.render(pages, NetSuiteSettingsPages.class, "netsuite.ftlh", status, model);
    }
}
