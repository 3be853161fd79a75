package io.portico.plugins.attachments.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** MIME types of NetSuite's file types, and which of them are safe for a browser to receive as they are. */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    /** NetSuite's File Cabinet file types (SuiteScript {@code file.Type}). */
    private static final Map<String, String> BY_FILE_TYPE = Map.ofEntries(
            Map.entry("PDF", "application/pdf"),
            Map.entry("PLAINTEXT", "text/plain"),
            Map.entry("CSV", "text/csv"),
            Map.entry("RTF", "application/rtf"),
            Map.entry("PNGIMAGE", "image/png"),
            Map.entry("JPGIMAGE", "image/jpeg"),
            Map.entry("PJPGIMAGE", "image/jpeg"),
            Map.entry("GIFIMAGE", "image/gif"),
            Map.entry("BMPIMAGE", "image/bmp"),
            Map.entry("TIFFIMAGE", "image/tiff"),
            Map.entry("ICON", "image/vnd.microsoft.icon"),
            Map.entry("SVG", "image/svg+xml"),
            Map.entry("EXCEL", "application/vnd.ms-excel"),
            Map.entry("WORD", "application/msword"),
            Map.entry("POWERPOINT", "application/vnd.ms-powerpoint"),
            Map.entry("VISIO", "application/vnd.visio"),
            Map.entry("MSPROJECT", "application/vnd.ms-project"),
            Map.entry("ZIP", "application/zip"),
            Map.entry("GZIP", "application/gzip"),
            Map.entry("TAR", "application/x-tar"),
            Map.entry("XMLDOC", "application/xml"),
            Map.entry("XSD", "application/xml"),
            Map.entry("HTMLDOC", "text/html"),
            Map.entry("JSON", "application/json"),
            Map.entry("JAVASCRIPT", "text/javascript"),
            Map.entry("STYLESHEET", "text/css"),
            Map.entry("MESSAGERFC", "message/rfc822"),
            Map.entry("MP3", "audio/mpeg"),
            Map.entry("MPEGMOVIE", "video/mpeg"),
            Map.entry("QUICKTIME", "video/quicktime"),
            Map.entry("POSTSCRIPT", "application/postscript"));

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("zip", "application/zip"), Map.entry("xml", "application/xml"),
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("svg", "image/svg+xml"),
            Map.entry("json", "application/json"), Map.entry("eml", "message/rfc822"));

    /** Types a browser would render or run in the portal's origin: served as opaque bytes instead. */
    private static final Set<String> ACTIVE = Set.of("text/html", "image/svg+xml", "application/xml", "text/xml",
            "text/javascript", "application/javascript", "text/css", "application/json", "message/rfc822");

    private ContentTypes() {
    }

    /** The MIME type of a file: by NetSuite's file type, else by the name's extension, else opaque bytes. */
    static String of(String netsuiteFileType, String name) {
        if (netsuiteFileType != null) {
            String t = BY_FILE_TYPE.get(netsuiteFileType.strip().toUpperCase(Locale.ROOT));
            if (t != null) {
                return t;
            }
        }
        if (name != null) {
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && dot < name.length() - 1) {
                String t = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
                if (t != null) {
                    return t;
                }
            }
        }
        return OCTET_STREAM;
    }

    /** The type a download is sent with: the stored type, unless a browser could run it in the portal's origin. */
    static String forDownload(String stored) {
        return stored == null || ACTIVE.contains(stored) ? OCTET_STREAM : stored;
    }

    /** Types a browser shows itself without running anything: sent inline, so that they open in the browser. */
    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp");

    static boolean inline(String type) {
        return INLINE.contains(type);
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("application/pdf", "PDF"), Map.entry("image/png", "PNG image"),
            Map.entry("image/jpeg", "JPEG image"), Map.entry("image/gif", "GIF image"),
            Map.entry("text/plain", "Text"), Map.entry("text/csv", "CSV"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook"),
            Map.entry("application/vnd.ms-excel", "Excel workbook"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
            Map.entry("application/msword", "Word document"), Map.entry("application/zip", "ZIP archive"));

    /** What a file is, in a reader's words (its MIME type when there are none). */
    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
