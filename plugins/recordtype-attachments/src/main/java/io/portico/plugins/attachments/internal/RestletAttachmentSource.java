package io.portico.plugins.attachments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.netsuite.NetSuiteClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Attachments through the two RESTlets an administrator deploys in NetSuite (netsuite.md §6: neither the REST record
 * API nor a documented SuiteQL join lists a transaction's files): one lists the files attached to records of one
 * type ({@code ?type=invoice&ids=1,2} answered {@code {"items":[{transaction, file_id, file_name, file_type, ...}]}}),
 * the other returns one file's content ({@code ?id=5001} answered
 * {@code {"id","name","fileType","size","encoding":"base64","contents"}}). Sizes and last-modified times come from
 * SuiteQL's {@code file} table, so a file over the size limit is never downloaded.
 */
final class RestletAttachmentSource implements AttachmentSource {

    /** The RESTlets' script and deployment ids. */
    record Scripts(String listScript, String listDeploy, String fileScript, String fileDeploy) {
    }

    private final RestletTransport restlets;
    private final NetSuiteClient client;
    private final Scripts scripts;

    RestletAttachmentSource(RestletTransport restlets, NetSuiteClient client, Scripts scripts) {
        this.restlets = restlets;
        this.client = client;
        this.scripts = scripts;
    }

    @Override
    public List<AttachedFile> attachments(String recordType, List<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        if (recordIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " records per call");
        }
        JsonNode answer = checked(restlets.get(scripts.listScript(), scripts.listDeploy(),
                Map.of("type", recordType, "ids", recordIds.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")))),
                "the attachments RESTlet");
        JsonNode items = answer.path("items");
        if (!items.isArray()) {
            throw new AttachmentSourceException("the attachments RESTlet answered without an items list");
        }
        List<AttachedFile> files = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            long record = id(item, "transaction");
            long file = id(item, "file_id");
            String name = item.path("file_name").asText("").strip();
            if (name.isEmpty()) {
                name = "file-" + file;
            }
            files.add(new AttachedFile(record, file, name, item.hasNonNull("file_type")
                    ? item.get("file_type").asText() : null));
        }
        return files;
    }

    @Override
    public Map<Long, FileInfo> describe(List<Long> fileIds) {
        Map<Long, FileInfo> out = new LinkedHashMap<>();
        for (int from = 0; from < fileIds.size(); from += 1000) {
            List<Long> chunk = fileIds.subList(from, Math.min(fileIds.size(), from + 1000));
            client.suiteQl("SELECT f.id, f.filesize, TO_CHAR(f.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') "
                    + "AS lastmodified FROM file f WHERE f.id IN (" + chunk.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ") ORDER BY f.id", 1000, row -> {
                        long id = row.getLong("id");
                        out.put(id, new FileInfo(id, row.getLong("filesize"), row.getString("lastmodified")));
                    });
        }
        return out;
    }

    @Override
    public FileContent read(long fileId) {
        JsonNode file = checked(restlets.get(scripts.fileScript(), scripts.fileDeploy(),
                Map.of("id", Long.toString(fileId))), "the file RESTlet");
        JsonNode contents = file.get("contents");
        if (contents == null || !contents.isTextual()) {
            throw new AttachmentSourceException("the file RESTlet answered without contents for file " + fileId);
        }
        byte[] bytes;
        if ("base64".equalsIgnoreCase(file.path("encoding").asText())) {
            try {
                bytes = Base64.getMimeDecoder().decode(contents.asText());
            } catch (IllegalArgumentException e) {
                throw new AttachmentSourceException("the file RESTlet sent file " + fileId
                        + " as base64 that does not decode: " + e.getMessage(), e);
            }
        } else {
            bytes = contents.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (file.hasNonNull("size") && file.get("size").canConvertToLong() && file.get("size").asLong() != bytes.length) {
            throw new AttachmentSourceException("file " + fileId + " arrived with " + bytes.length + " bytes, but "
                    + "NetSuite gives its size as " + file.get("size").asLong());
        }
        return new FileContent(file.path("name").asText(null), file.path("fileType").asText(null), bytes);
    }

    /** The answer, unless it is a SuiteScript error. */
    private static JsonNode checked(JsonNode answer, String what) {
        if (answer == null || !answer.isObject()) {
            throw new AttachmentSourceException(what + " did not answer with a JSON object");
        }
        JsonNode error = answer.get("error");
        if (error != null) {
            throw new AttachmentSourceException(what + " failed: " + error.path("code").asText("error") + ": "
                    + error.path("message").asText(""));
        }
        return answer;
    }

    private static long id(JsonNode item, String field) {
        JsonNode v = item.get(field);
        try {
            return Long.parseLong(v == null ? "" : v.asText().strip());
        } catch (NumberFormatException e) {
            throw new AttachmentSourceException("the attachments RESTlet answered an item whose " + field
                    + " is not an internal id: " + (v == null ? "missing" : "'" + v.asText() + "'"));
        }
    }
}
