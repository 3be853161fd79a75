package io.portico.documents.internal;

import io.portico.api.documents.PdfRenderer;
import io.portico.api.fieldmap.MappedFields;
import io.portico.api.identity.PortalUser;
import io.portico.api.records.RecordDetail;
import io.portico.api.records.RecordReader;
import io.portico.api.web.Formats;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import io.portico.documents.internal.TransactionDocument.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The PDFs of invoices, credit memos, sales orders (order confirmation) and customer payments (receipt), made from
 * the synced record in the reader's scope: {@code /documents/invoice/pdf?invoice=ID} downloads one,
 * several ids download a ZIP of them. A record type without documents, one the user may not view, another
 * organization's record and a missing one are the same 404.
 */
@Component(service = TransactionPdfs.class, property = PorticoResource.PROPERTY + "=true",
        configurationPid = DocumentsConfig.PID)
@Designate(ocd = DocumentsConfig.class)
@Path("documents")
public final class TransactionPdfs {

    /** The most records one ZIP holds: a page of the list at its largest. */
    static final int MAX_RECORDS = 200;

    private final RecordReader reader;
    private final PdfRenderer pdfs;
    private final MappedFields fields;
    private volatile List<String> operatorAddress;

    @Activate
    public TransactionPdfs(@Reference RecordReader reader, @Reference PdfRenderer pdfs, @Reference MappedFields fields,
            DocumentsConfig config) {
        this.reader = reader;
        this.pdfs = pdfs;
        this.fields = fields;
        modified(config);
    }

    @Modified
    void modified(DocumentsConfig config) {
        operatorAddress = addressLines(config.operatorAddress());
    }

    static List<String> addressLines(String address) {
        return address == null || address.isBlank() ? List.of()
                : List.of(address.strip().split("\\s*(\\\\n|\\R)\\s*"));
    }

    @GET
    @Path("{type}/pdf")
    public Response pdf(@PathParam("type") String type, @Context SecurityContext security, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        PortalUser user = PortalUser.require(security.getUserPrincipal());
        Kind kind = TransactionDocument.Kind.of(type).filter(k -> user.canView(type))
                .orElseThrow(() -> ProblemException.notFound("There are no documents of this kind here."));
        Set<Long> ids = ids(type, uri.getQueryParameters().getOrDefault(type, List.of()));
        Formats formats = Formats.forReader(headers.getAcceptableLanguages(), user);
        List<Document> documents = new ArrayList<>();
        for (long id : ids) {
            RecordDetail detail = reader.find(user.scope(), type, id)
                    .orElseThrow(() -> ProblemException.notFound("There is no such record here."));
            byte[] pdf = pdfs.render(TransactionPdfs.class, "transaction.ftlh",
                    TransactionDocument.model(kind, detail, formats, operatorAddress, fields));
            documents.add(new Document(TransactionDocument.fileName(kind, detail.record()), pdf));
        }
        if (documents.size() == 1) {
            return download(documents.get(0).name(), "application/pdf", documents.get(0).pdf());
        }
        return download(kind.title + "s.zip", "application/zip", zip(documents));
    }

    record Document(String name, byte[] pdf) {
    }

    private static Set<Long> ids(String type, List<String> values) {
        if (values.isEmpty()) {
            throw ProblemException.badRequest("Choose at least one record: ?" + type + "=ID.");
        }
        if (values.size() > MAX_RECORDS) {
            throw ProblemException.badRequest("At most " + MAX_RECORDS + " records at a time (" + type + ").");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || !value.matches("[0-9]{1,18}")) {
                throw ProblemException.badRequest("'" + type + "' must be a record id (digits).");
            }
            ids.add(Long.parseLong(value));
        }
        return ids;
    }

    /** Each document once, under a name no other entry has (two records may share a number). */
    static byte[] zip(List<Document> documents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Document d : documents) {
                String name = d.name();
                for (int n = 2; !names.add(name); n++) {
                    name = d.name().replaceFirst("\\.pdf$", "") + " (" + n + ").pdf";
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(d.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Response download(String name, String contentType, byte[] content) {
        return Response.ok(content, contentType)
                .header("Content-Disposition", FileNames.disposition(name, false))
                .header("Content-Length", content.length)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
