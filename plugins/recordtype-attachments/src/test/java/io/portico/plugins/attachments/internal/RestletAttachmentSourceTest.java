package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.plugins.attachments.internal.AttachmentSource.AttachedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The RESTlets' answers, as NetSuite sends them, well-formed or not. */
class RestletAttachmentSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestletAttachmentSource.Scripts SCRIPTS = new RestletAttachmentSource.Scripts(
            "customscript_list", "customdeploy_list", "customscript_file", "customdeploy_file");

    private final List<String> calls = new ArrayList<>();
    private String answer;

    private final RestletAttachmentSource source = new RestletAttachmentSource((script, deploy, parameters) -> {
        calls.add(script + "/" + deploy + " " + new TreeMap<>(parameters));
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }, null, SCRIPTS);

    @Test
    void listsTheFilesOfABatchOfRecords() {
        answer = """
                {"items":[
                  {"transaction":"100002","tranid":"INV1000","trandate":"7/25/2024","file_id":"5001",
                   "file_name":"INV1000.pdf","file_type":"PDF","file_url":"/core/media/media.nl?id=5001"},
                  {"transaction":"100006","file_id":5002,"file_name":"  ","file_type":null}]}""";

        List<AttachedFile> files = source.attachments("invoice", List.of(100002L, 100006L));

        assertEquals(List.of("customscript_list/customdeploy_list {ids=100002,100006, type=invoice}"), calls);
        assertEquals(new AttachedFile(100002, 5001, "INV1000.pdf", "PDF"), files.get(0));
        assertEquals(new AttachedFile(100006, 5002, "file-5002", null), files.get(1));
    }

    @Test
    void errorsAndMalformedListsAreReportedClearly() {
        answer = "{\"error\":{\"code\":\"SSS_INVALID_SCRIPTLET_ID\",\"message\":\"That Suitelet is invalid\"}}";
        assertEquals("the attachments RESTlet failed: SSS_INVALID_SCRIPTLET_ID: That Suitelet is invalid",
                assertThrows(AttachmentSourceException.class, () -> source.attachments("invoice", List.of(1L)))
                        .getMessage());
        answer = "{\"results\":[]}";
        assertThrows(AttachmentSourceException.class, () -> source.attachments("invoice", List.of(1L)));
        answer = "[1,2]";
        assertThrows(AttachmentSourceException.class, () -> source.attachments("invoice", List.of(1L)));
        answer = "{\"items\":[{\"transaction\":\"1\",\"file_id\":\"<script>\"}]}";
        assertTrue(assertThrows(AttachmentSourceException.class, () -> source.attachments("invoice", List.of(1L)))
                .getMessage().contains("file_id is not an internal id: '<script>'"));
        assertEquals(List.of(), source.attachments("invoice", List.of()), "nothing asked, nothing sent");
        assertThrows(IllegalArgumentException.class, () -> source.attachments("invoice",
                LongStream.range(0, 101).boxed().toList()));
    }

    @Test
    void readsBase64AndTextFilesAndChecksTheirSize() {
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff};
        answer = "{\"id\":\"5001\",\"name\":\"a.pdf\",\"fileType\":\"PDF\",\"size\":6,\"encoding\":\"base64\","
                + "\"contents\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}";
        AttachmentSource.FileContent content = source.read(5001);
        assertArrayEquals(pdf, content.bytes());
        assertEquals("a.pdf", content.name());
        assertEquals("customscript_file/customdeploy_file {id=5001}", calls.get(0));

        answer = "{\"name\":\"note.txt\",\"fileType\":\"PLAINTEXT\",\"contents\":\"Grüße\"}";
        assertArrayEquals("Grüße".getBytes(StandardCharsets.UTF_8), source.read(5002).bytes());

        answer = "{\"size\":7,\"encoding\":\"base64\",\"contents\":\"" + Base64.getEncoder()
                .encodeToString(pdf) + "\"}";
        assertTrue(assertThrows(AttachmentSourceException.class, () -> source.read(5003)).getMessage()
                .contains("arrived with 6 bytes, but NetSuite gives its size as 7"));
        answer = "{\"encoding\":\"base64\",\"contents\":\"***not base64***\"}";
        assertTrue(assertThrows(AttachmentSourceException.class, () -> source.read(5004)).getMessage()
                .contains("does not decode"));
        answer = "{\"error\":{\"code\":\"RCRD_DSNT_EXIST\",\"message\":\"That record does not exist.\"}}";
        assertEquals("the file RESTlet failed: RCRD_DSNT_EXIST: That record does not exist.",
                assertThrows(AttachmentSourceException.class, () -> source.read(5005)).getMessage());
        answer = "{\"name\":\"x\"}";
        assertThrows(AttachmentSourceException.class, () -> source.read(5006));
    }
}
