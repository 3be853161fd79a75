package io.portico.sandbox.files;

import io.portico.sandbox.data.FileAttachment;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;

/**
 * {@code GET /core/media/media.nl?id=..&c=..&h=..}: a File Cabinet file's bytes, at the URL SuiteQL's
 * {@code file.url} and the attachments RESTlet report. Requires the same authentication as the REST API.
 */
public final class MediaEndpoint implements Endpoint {

  public static final String PATH = "/core/media/media.nl";

  private final Store store;

  public MediaEndpoint(Store store) {
    this.store = store;
  }

  /** The path (relative to the account's host) of a file's download URL. */
  public static String url(FileAttachment f, String accountId) {
    return PATH + "?id=" + f.id() + "&c=" + accountId + "&h=" + Long.toHexString(f.id() * 2654435761L) + "&_xt=.pdf";
  }

  @Override
  public Response handle(Request request) {
    long id;
    try {
      id = Long.parseLong(String.valueOf(request.param("id")).trim());
    } catch (NumberFormatException e) {
      throw NetSuiteException.nonexistentId();
    }
    FileAttachment f = store.attachment(id).orElseThrow(NetSuiteException::nonexistentId);
    byte[] content = store.attachmentContent(id).orElseThrow(NetSuiteException::nonexistentId);
    return Response.bytes(200, "application/pdf", content)
        .withHeader("Content-Disposition", "inline; filename=\"" + f.name() + "\"");
  }
}
