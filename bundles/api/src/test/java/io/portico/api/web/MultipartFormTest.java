package io.portico.api.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX3";

    /** As Chromium sends a form with a text field, a chosen file and an empty file input. */
    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("------WebKitFormBoundaryX3\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok-1\r\n"
                + "------WebKitFormBoundaryX3\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAcme – Portal\r\n"
                + "------WebKitFormBoundaryX3\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n------WebKitFormBoundaryX3\r\nContent-Disposition: form-data; name=\"favicon\"; "
                + "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n------WebKitFormBoundaryX3--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsFieldsAndFilesByteForByte() {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', '-', '-', 0, (byte) 0xff};
        MultipartForm form = MultipartForm.parse(TYPE, body(file));
        assertEquals("tok-1", form.field("csrf"));
        assertEquals("Acme – Portal", form.field("name"));
        assertNull(form.field("missing"));
        assertArrayEquals(file, form.file("logo").orElseThrow().bytes());
        assertEquals("a.png", form.file("logo").orElseThrow().filename());
        assertTrue(form.file("favicon").isEmpty(), "an input without a chosen file is no file");
    }

    @Test
    void refusesWhatIsNotAMultipartForm() {
        assertEquals(415, assertThrows(ProblemException.class,
                () -> MultipartForm.parse("application/json", new byte[0])).status());
        assertEquals(415, assertThrows(ProblemException.class,
                () -> MultipartForm.parse("multipart/form-data", new byte[0])).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> MultipartForm.parse(TYPE, "garbage".getBytes(StandardCharsets.UTF_8))).status());
        byte[] cut = body(new byte[] {1, 2, 3});
        byte[] truncated = java.util.Arrays.copyOf(cut, cut.length - 40);
        assertEquals(400, assertThrows(ProblemException.class, () -> MultipartForm.parse(TYPE, truncated)).status());
    }

    @Test
    void refusesControlCharactersInTextFields() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA\u0000B\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> MultipartForm.parse("multipart/form-data; boundary=b", body).field("name"));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("'name'"), refused.detail());
    }
}
