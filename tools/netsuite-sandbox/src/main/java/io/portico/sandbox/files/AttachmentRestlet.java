package io.portico.sandbox.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.sandbox.data.FileAttachment;
import io.portico.sandbox.data.RecordData;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.errors.NetSuiteException;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Json;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.Response;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The two RESTlets a NetSuite admin deploys for attachments, since neither REST records nor a documented SuiteQL join
 * expose a transaction's files (netsuite.md §6). Both live at {@code /app/site/hosting/restlet.nl}:
 * <ul>
 *   <li>{@code script=customscript_portico_attachments}: the transaction's files from a search joining {@code file}
 *   ({@code GET ?ids=1,2} or {@code POST {"ids":[1,2]}}) as {@code {"items":[{transaction, tranid, trandate,
 *   file_id, file_name, file_type, file_url}]}};</li>
 *   <li>{@code script=customscript_portico_file}: one file's bytes as {@code file.getContents()} gives binary files,
 *   base64 ({@code GET ?id=5001}).</li>
 * </ul>
 * Errors use the SuiteScript shape {@code {"error":{"code","message"}}} with HTTP 400, as RESTlets do; so do the
 * refusals of the request pipeline in front of them (see {@link #inRestletShape}).
 */
public final class AttachmentRestlet implements Endpoint {

  public static final String PATH = "/app/site/hosting/restlet.nl";
  public static final String ATTACHMENTS_SCRIPT = "customscript_portico_attachments";
  public static final String FILE_SCRIPT = "customscript_portico_file";

  private static final DateTimeFormatter ACCOUNT_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  private final Store store;
  private final String accountId;

  public AttachmentRestlet(Store store, String accountId) {
    this.store = store;
    this.accountId = accountId;
  }

  @Override
  public Response handle(Request request) {
    String script = request.param("script");
    if (ATTACHMENTS_SCRIPT.equals(script)) {
      return attachments(request);
    }
    if (FILE_SCRIPT.equals(script)) {
      return file(request);
    }
    return error("SSS_INVALID_SCRIPTLET_ID", "That Suitelet is invalid, disabled, or no longer exists.");
  }

  private Response attachments(Request request) {
    List<Long> ids = new ArrayList<>();
    try {
      if (request.method().equals("POST")) {
        JsonNode body = Json.parseBody(request.body());
        body.path("ids").forEach(n -> ids.add(Long.parseLong(n.asText().trim())));
      } else if (request.param("ids") != null) {
        for (String s : request.param("ids").split(",")) {
          ids.add(Long.parseLong(s.trim()));
        }
      }
    } catch (NumberFormatException e) {
      return error("INVALID_PARAMETER", "ids must be internal ids of transactions.");
    }
    ArrayNode items = Json.array();
    for (long id : ids) {
      for (FileAttachment f : store.attachmentsOf(id)) {
        RecordData tx = store.find(f.transactionType(), f.transactionId()).orElse(null);
        if (tx == null) {
          continue;
        }
        ObjectNode item = items.addObject();
        item.put("transaction", String.valueOf(id));
        item.put("tranid", tx.string("tranId"));
        item.put("trandate", ACCOUNT_DATE.format(tx.date("tranDate")));
        item.put("file_id", String.valueOf(f.id()));
        item.put("file_name", f.name());
        item.put("file_type", f.fileType());
        item.put("file_url", MediaEndpoint.url(f, accountId));
      }
    }
    ObjectNode body = Json.object();
    body.set("items", items);
    return Response.json(200, Response.PLAIN_JSON, body);
  }

  private Response file(Request request) {
    long id;
    try {
      id = Long.parseLong(String.valueOf(request.param("id")).trim());
    } catch (NumberFormatException e) {
      return error("INVALID_PARAMETER", "id must be the internal id of a file.");
    }
    FileAttachment f = store.attachment(id).orElse(null);
    byte[] content = f == null ? null : store.attachmentContent(id).orElse(null);
    if (content == null) {
      return error("RCRD_DSNT_EXIST", "That record does not exist.");
    }
    ObjectNode body = Json.object();
    body.put("id", String.valueOf(f.id()));
    body.put("name", f.name());
    body.put("fileType", f.fileType());
    body.put("size", f.size());
    body.put("encoding", "base64");
    body.put("contents", Base64.getEncoder().encodeToString(content));
    return Response.json(200, Response.PLAIN_JSON, body);
  }

  /**
   * The RESTlet host answers the pipeline's refusals in SuiteScript's shape, not the REST API's: the concurrency limit
   * as HTTP 400 {@code SSS_REQUEST_LIMIT_EXCEEDED} (netsuite.md §4), a failed login as 401
   * {@code INVALID_LOGIN_ATTEMPT}, anything else with its status and code.
   */
  public static Endpoint inRestletShape(Endpoint governed) {
    return request -> {
      try {
        return governed.handle(request);
      } catch (NetSuiteException e) {
        return switch (e.status()) {
          case 429 -> error(400, "SSS_REQUEST_LIMIT_EXCEEDED",
              "The request could not be processed because the concurrency limit for this account was exceeded.");
          case 401 -> error(401, "INVALID_LOGIN_ATTEMPT", "Invalid login attempt.");
          default -> error(e.status(), e.code(), e.detail());
        };
      }
    };
  }

  private static Response error(String code, String message) {
    return error(400, code, message);
  }

  private static Response error(int status, String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return Response.json(status, Response.PLAIN_JSON, body);
  }
}
