package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void netsuiteFileTypesNamesAndTheFallback() {
        assertEquals("application/pdf", ContentTypes.of("PDF", "x.bin"));
        assertEquals("image/jpeg", ContentTypes.of(" pjpgimage ", null));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ContentTypes.of("MISCBINARY", "Offer.DOCX"));
        assertEquals("text/csv", ContentTypes.of(null, "export.csv"));
        assertEquals("application/octet-stream", ContentTypes.of(null, "README"));
        assertEquals("application/octet-stream", ContentTypes.of("MISCBINARY", "archive."));
    }

    @Test
    void whatABrowserWouldRunIsDownloadedAsOpaqueBytes() {
        for (String active : new String[] {"text/html", "image/svg+xml", "application/xml", "text/javascript",
                "application/json", "text/css", "message/rfc822", null}) {
            assertEquals("application/octet-stream", ContentTypes.forDownload(active), active);
        }
        assertEquals("application/pdf", ContentTypes.forDownload("application/pdf"));
        assertEquals("image/png", ContentTypes.forDownload("image/png"));
    }

    @Test
    void downloadNamesSurviveQuotesSlashesAndNonAscii() {
        // Path separators, quotes and control characters are gone from both names, not just encoded.
        assertEquals("attachment; filename=\"a_b_c_.pdf\"; filename*=UTF-8''a_b_c_.pdf",
                AttachmentResource.disposition("a/b\\c\".pdf", false));
        assertEquals("attachment; filename=\"_____*.txt\"; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8__%2A.txt",
                AttachmentResource.disposition("請求書\r\n*.txt", false));
        assertEquals("inline; filename=\"__.png\"; filename*=UTF-8''%E5%B1%B1%E7%94%B0.png",
                AttachmentResource.disposition("山田.png", true));
    }
}
