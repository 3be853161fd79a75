package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.MultipartForm;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.util.List;
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
 * {@code /api/admin/settings/export} and {@code /import} for the operator's owners and admins: the settings document
 * as Settings &gt; Export and import makes it, and a document imported (or, with {@code ?check=true}, only checked).
 * The document is sent as the body ({@code application/json}, up to 64 KB) or, with images, as the {@code document}
 * part of a multipart upload (up to 512 KB). A refused document is a 400 naming the key, and nothing changes.
 */
@Component(service = SettingsTransferApi.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/admin/settings")
public final class SettingsTransferApi {

    private final SettingsTransfer transfer;

    @Activate
    public SettingsTransferApi(@Reference SettingsTransfer transfer) {
        this.transfer = transfer;
    }

    /**
     * @param imported whether the settings were written ({@code false} for a check)
     * @param changes what the import changes, a sentence per section the document carries
     */
    public record ImportJson(boolean imported, List<String> changes) {
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        return Response.ok(transfer.export(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJson importJson(byte[] document, @QueryParam("check") boolean check,
            @Context ContainerRequestContext request) {
        return importDocument(request, document, check);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJson importUpload(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("check") boolean check, @Context ContainerRequestContext request) {
        SettingsActor.admin(request);
        byte[] document = MultipartForm.parse(contentType, body).file("document").map(MultipartForm.Part::bytes)
                .orElseThrow(() -> new InvalidSettingException("document", "Send the settings document as the "
                        + "\"document\" part of the upload."));
        return importDocument(request, document, check);
    }

    private ImportJson importDocument(ContainerRequestContext request, byte[] document, boolean check) {
        PortalUser user = SettingsActor.admin(request);
        try {
            SettingsTransfer.Outcome outcome = transfer.importDocument(SettingsActor.of(user), document, !check);
            return new ImportJson(outcome.written(), outcome.changes());
        } catch (InvalidSettingException e) {
            throw new ProblemException(e.status(), e.title(), e.detailAt());
        }
    }
}
