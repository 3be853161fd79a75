package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.MultipartForm;
import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Settings &gt; Export and import for the operator's owners and admins: the settings downloaded as one JSON
 * document, and a document uploaded to check (nothing is written) or import (everything in one transaction). A
 * refused document answers 400 (409 while the NetSuite file wins, 413 when too large) with the page saying which key
 * and why; nothing is changed then.
 */
@Component(service = SettingsTransferPages.class, property = PorticoResource.PROPERTY + "=true")
@Path("admin/export-import")
public final class SettingsTransferPages {

    private static final String PATH = "/admin/export-import";
    private static final String FIELD = "document";

    private final SettingsTransfer transfer;
    private final Pages pages;

    @Activate
    public SettingsTransferPages(@Reference SettingsTransfer transfer, @Reference Pages pages) {
        this.transfer = transfer;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        return page(request, user, 200, Map.of(), null, null);
    }

    /** The document as a file to keep, named by the day. */
    @GET
    @Path("settings.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return Response.ok(transfer.export(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"portico-settings-"
                        + LocalDate.now(ZoneOffset.UTC) + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** {@code action=check} checks the uploaded document only; anything else imports it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context ContainerRequestContext request) {
        PortalUser user = SettingsActor.admin(request);
        MultipartForm form = MultipartForm.parse(contentType, body);
        boolean write = !"check".equals(form.field("action"));
        Optional<MultipartForm.Part> document = form.file(FIELD).filter(p -> p.bytes().length > 0);
        if (document.isEmpty()) {
            return page(request, user, 400, Map.of(FIELD, "Choose the settings file to " + (write ? "import" : "check")
                    + ", as Export makes it."), "Nothing was imported.", null);
        }
        SettingsTransfer.Outcome outcome;
        try {
            outcome = transfer.importDocument(SettingsActor.of(user), document.get().bytes(), write);
        } catch (InvalidSettingException e) {
            return page(request, user, e.status(), Map.of(FIELD, e.detailAt()),
                    "Nothing was imported: the file was refused.", null);
        } catch (ProblemException e) {
            return page(request, user, e.status(), Map.of(FIELD, e.detail()), "Nothing was imported.", null);
        }
        return page(request, user, 200, Map.of(), null, outcome);
    }

    private Response page(ContainerRequestContext request, PortalUser user, int status,
            Map<String, String> fieldErrors, String error, SettingsTransfer.Outcome outcome) {
        String notice = outcome == null ? null : outcome.written()
                ? "The settings were imported: every customer sees them now."
                : "The file is valid. Importing it would change what is listed below; nothing was changed yet.";
        Map<String, Object> model = SettingsPage.model(request, user, "Export and import settings", PATH,
                fieldErrors, error, notice);
        model.put("changes", outcome == null ? List.of() : outcome.changes());
        return SettingsPage.render(pages, SettingsTransferPages.class, "export-import.ftlh", status, model);
    }
}
