package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final String SAFE_SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"><title>Acme</title><defs>"
            + "<linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#123456\"/></linearGradient></defs>"
            + "<rect width=\"10\" height=\"10\" fill=\"url(#g)\" style=\"fill:url( '#g')\"/>"
            + "<use xlink:href=\"#g\"/></svg>";

    @Test
    void tellsTheTypeByTheBytesNotTheName() {
        assertEquals(ImageUpload.PNG, ImageUpload.logo(PNG).contentType());
        assertEquals(ImageUpload.JPEG, ImageUpload.logo(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})
                .contentType());
        assertEquals(ImageUpload.SVG, ImageUpload.logo(SAFE_SVG.getBytes(StandardCharsets.UTF_8)).contentType());
        assertEquals(ImageUpload.ICO, ImageUpload.favicon(new byte[] {0, 0, 1, 0, 1, 0}).contentType());
    }

    @Test
    void refusesOtherTypes() {
        InvalidSettingException gif = assertThrows(InvalidSettingException.class,
                () -> ImageUpload.logo("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(400, gif.status());
        assertEquals("logo", gif.field());
        assertEquals("favicon", assertThrows(InvalidSettingException.class,
                () -> ImageUpload.favicon(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).field());
        assertEquals("logo", assertThrows(InvalidSettingException.class,
                () -> ImageUpload.logo(new byte[] {0, 0, 1, 0})).field(), "an icon is no logo");
    }

    @Test
    void anOversizedFileIs413NamingTheField() {
        byte[] big = Arrays.copyOf(PNG, ImageUpload.MAX_LOGO_BYTES + 1);
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> ImageUpload.logo(big));
        assertEquals(413, refused.status());
        assertEquals("logo", refused.field());
        assertTrue(refused.detail().contains("256 KB"), refused.detail());
        assertEquals(ImageUpload.PNG, ImageUpload.logo(Arrays.copyOf(PNG, ImageUpload.MAX_LOGO_BYTES)).contentType());
        assertEquals(413, assertThrows(InvalidSettingException.class,
                () -> ImageUpload.favicon(Arrays.copyOf(PNG, ImageUpload.MAX_FAVICON_BYTES + 1))).status());
    }
}
