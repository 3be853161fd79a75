package io.portico.plugins.attachments.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.plugins.attachments.internal.AttachmentStore.Attachment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachments of synced records, for the signed-in user: a customer's users reach their own organization's, the
 * operator's staff every organization's, and only of record types the user may view. Anything out of reach answers
 * 404, as if it did not exist. PDFs and raster images open in the browser (inline, in a sandbox with nothing
 * allowed); every other file is a download. A file whose bytes no longer match the SHA-256 stored with them is not
 * sent: the user is told, and the operator's log gets an error naming the attachment.
 */
@Component(service = AttachmentResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/attachments")
public final class AttachmentResource {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentResource.class);

    private final AttachmentStore store;

    @Activate
    public AttachmentResource(@Reference AttachmentStore store) {
        this.store = store;
    }

    /** The attachments of one record, e.g. {@code ?recordType=invoice&netsuiteId=100002}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(@Context SecurityContext security,
            @QueryParam("recordType") String recordType, @QueryParam("netsuiteId") Long netsuiteId) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        if (recordType == null || recordType.isBlank() || netsuiteId == null) {
            throw ProblemException.badRequest("Name the record: ?recordType=invoice&netsuiteId=123.");
        }
        if (!user.canView(recordType)) {
            return List.of();
        }
        return store.list(user.scope(), recordType, netsuiteId).stream().map(AttachmentResource::view).toList();
    }

    /** One attachment's description. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> describe(@Context SecurityContext security, @PathParam("id") long id) {
        return view(reachable(PortalUser.require(security.getUserPrincipal()), id));
    }

    /** One attachment's content, as a download. */
    @GET
    @Path("{id}/content")
    public Response download(@Context SecurityContext security, @PathParam("id") long id) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        Attachment a = reachable(user, id);
        if (!a.downloadable()) {
            throw ProblemException.conflict("This attachment was not stored: " + a.error());
        }
        byte[] content = store.content(user.scope(), id).orElseThrow(AttachmentResource::notFound);
        if (!AttachmentSync.sha256(content).equals(a.sha256())) {
            LOG.error("Attachment {} ({} {}, NetSuite file {}) was not served: its content no longer matches its"
                    + " stored SHA-256", a.id(), a.recordType(), a.recordNetsuiteId(), a.fileNetsuiteId());
            throw ProblemException.conflict("This file is damaged in the portal and was not sent; we have been"
                    + " told. Ask us for a copy.");
        }
        String type = ContentTypes.forDownload(a.contentType());
        return Response.ok(content, type)
                .header("Content-Disposition", disposition(a.name(), ContentTypes.inline(type)))
                .header("Content-Length", content.length)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store")
                .header("ETag", "\"" + a.sha256() + "\"")
                .build();
    }

    private Attachment reachable(PortalUser user, long id) {
        return store.find(user.scope(), id).filter(a -> user.canView(a.recordType()))
                .orElseThrow(AttachmentResource::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no such attachment.");
    }

    static Map<String, Object> view(Attachment a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("recordType", a.recordType());
        v.put("netsuiteId", Long.toString(a.recordNetsuiteId()));
        v.put("name", a.name());
        v.put("contentType", a.contentType());
        v.put("size", a.size());
        v.put("sha256", a.sha256());
        v.put("status", a.status());
        v.put("error", a.error());
        v.put("download", a.downloadable() ? downloadPath(a.id()) : null);
        return v;
    }

    static String downloadPath(long id) {
        return "/api/attachments/" + id + "/content";
    }

    /**
     * {@code inline} or {@code attachment}, with an ASCII fallback name and the name in RFC 5987 form; in both, path
     * separators, quotes and control characters become {@code _}, so no browser reads a folder or a header into it.
     */
    static String disposition(String name, boolean inline) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || c == '"' || c == '\\' || c == '/' ? '_' : c));
        StringBuilder ascii = new StringBuilder();
        for (char ch : safe.toString().toCharArray()) {
            ascii.append(ch >= 0x20 && ch < 0x7f ? ch : '_');
        }
        String encoded = URLEncoder.encode(safe.toString(), StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
