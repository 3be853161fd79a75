package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.MultipartForm;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import java.net.URI;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; Branding for the operator's owners and admins: name, logo, favicon, primary colour (with a warning
 * when white text would not read on it), support email and phone, footer. One form, sent as multipart so that the
 * images upload without JavaScript. Anyone else signed in gets a 403; a field that is not valid answers 400 (a file
 * too large 413) with the page, the field marked and nothing saved.
 */
@Component(service = BrandingPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/branding")
public final class BrandingPages {

    private static final String PATH = "/admin/branding";

    private final BrandingSettings settings;
    private final Pages pages;

    @Activate
    public BrandingPages(@Reference BrandingSettings settings, @Reference Pages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request, @QueryParam("notice") String notice) {
        PortalUser user = SettingsActor.admin(request);
        return page(request, user, 200, BrandingForm.of(settings.branding()), Map.of(), null,
                "saved".equals(notice) ? "The branding was saved: every page shows it now." : null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response save(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        MultipartForm form = MultipartForm.parse(contentType, body);
        BrandingForm entered = new BrandingForm(form.field("name"), form.field("colour"), form.field("supportEmail"),
                form.field("supportPhone"), form.field("footer"));
        try {
            BrandingSource.Image logo = form.file("logo").map(p -> ImageUpload.logo(p.bytes())).orElse(null);
            BrandingSource.Image favicon = form.file("favicon").map(p -> ImageUpload.favicon(p.bytes()))
                    .orElse(null);
            settings.save(SettingsActor.of(user), entered, logo, "true".equals(form.field("removeLogo")), favicon,
                    "true".equals(form.field("removeFavicon")));
        } catch (InvalidSettingException e) {
            return page(request, user, e.status(), entered, Map.of(e.field(), e.detail()),
                    "Nothing was saved: correct the field marked below.", null);
        }
        return Response.seeOther(URI.create(PATH + "?notice=saved")).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response page(ContainerRequestContext request, PortalUser user, int status, BrandingForm form,
            Map<String, String> fieldErrors, String error, String notice) {
        Branding saved = settings.branding();
        Map<String, Object> model = SettingsPage.model(request, user, "Branding", PATH, fieldErrors, error, notice);
        model.put("form", form);
        model.put("saved", saved);
        model.put("maxLogoKb", ImageUpload.MAX_LOGO_BYTES / 1024);
        model.put("maxFaviconKb", ImageUpload.MAX_FAVICON_BYTES / 1024);
        String warning = form.lowContrastWarning();
        if (warning != null) {
            model.put("contrastWarning", warning);
        }
        return SettingsPage.render(pages, BrandingPages.class, "branding.ftlh", status, model);
    }
}
