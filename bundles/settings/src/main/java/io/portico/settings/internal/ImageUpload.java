package io.portico.settings.internal;

import io.portico.api.web.BrandingSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * An uploaded logo or favicon, its type told by its first bytes (never by the name or the type the browser claims),
 * within its size limit; an SVG passes {@link SvgCheck} first.
 */
final class ImageUpload {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String SVG = "image/svg+xml";
    static final String ICO = "image/x-icon";

    static final int MAX_LOGO_BYTES = 256 * 1024;
    static final int MAX_FAVICON_BYTES = 64 * 1024;
    static final Set<String> LOGO_TYPES = Set.of(PNG, JPEG, SVG);
    static final Set<String> FAVICON_TYPES = Set.of(PNG, SVG, ICO);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ICO_MAGIC = {0, 0, 1, 0};

    private ImageUpload() {
    }

    static BrandingSource.Image logo(byte[] bytes) {
        return check("logo", "The logo", bytes, MAX_LOGO_BYTES, LOGO_TYPES, "PNG, JPEG or SVG");
    }

    static BrandingSource.Image favicon(byte[] bytes) {
        return check("favicon", "The favicon", bytes, MAX_FAVICON_BYTES, FAVICON_TYPES, "PNG, SVG or ICO");
    }

    private static BrandingSource.Image check(String field, String label, byte[] bytes, int max, Set<String> types,
            String allowed) {
        if (bytes.length > max) {
            throw InvalidSettingException.tooLarge(field, label + " is " + kb(bytes.length) + " KB; the most is "
                    + kb(max) + " KB.");
        }
        String type = type(bytes);
        if (type == null || !types.contains(type)) {
            throw new InvalidSettingException(field, label + " must be a " + allowed + " image.");
        }
        if (type.equals(SVG)) {
            SvgCheck.check(field, bytes);
        }
        return new BrandingSource.Image(type, bytes);
    }

    /** The image as a {@code data:} URL, as the settings document carries it. */
    static String dataUrl(BrandingSource.Image image) {
        return "data:" + image.contentType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
    }

    /**
     * The bytes of a {@code data:} URL with base64 data; the type it names is not trusted (the bytes tell it).
     *
     * @throws InvalidSettingException naming the field when the value is not such a URL
     */
    static byte[] fromDataUrl(String field, String url) {
        int comma = url.indexOf(',');
        if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw new InvalidSettingException(field, "The " + field + " must be a data: URL with base64 data, like "
                    + "\"data:image/png;base64,iVBOR…\".");
        }
        try {
            return Base64.getDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(field, "The " + field + "'s data is not valid base64.");
        }
    }

    /** PNG, JPEG and ICO by their signature; anything that starts like XML may be an SVG (the check decides). */
    static String type(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(bytes, ICO_MAGIC)) {
            return ICO;
        }
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<' ? SVG : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static long kb(int bytes) {
        return (bytes + 1023) / 1024;
    }
}
