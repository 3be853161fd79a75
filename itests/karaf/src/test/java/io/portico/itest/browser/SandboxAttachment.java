package io.portico.itest.browser;

import io.portico.sandbox.data.DemoCompany;
import io.portico.sandbox.data.FileAttachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file the NetSuite sandbox attaches to an invoice: the PDF its demo company (default seed) attaches to the first
 * customer's first invoice that has one, exactly the bytes its media endpoint and file RESTlet serve. Used in the test
 * driver only (the sandbox is not a bundle): {@code BrowserIT} stores it as the attachments sync would, and the walk
 * compares what the portal's download link answers with it.
 */
public final class SandboxAttachment {

    private SandboxAttachment() {
    }

    /** Writes the file, under its NetSuite name, into a new temporary directory; returns its path. */
    public static Path write() {
        DemoCompany demo = new DemoCompany(42, 1, 12, DemoCompany.DEFAULT_TODAY, DemoCompany.DEFAULT_TIME_ZONE);
        for (long invoice : demo.generatedInvoiceIdsOf(demo.layout().customerId(0))) {
            long file = demo.attachmentIdOf(invoice);
            if (file >= 0) {
                FileAttachment described = demo.attachment(file).orElseThrow();
                try {
                    Path dir = Files.createTempDirectory("portico-browser-attachment-");
                    Path written = Files.write(dir.resolve(described.name()),
                            demo.attachmentContent(file).orElseThrow());
                    written.toFile().deleteOnExit();
                    dir.toFile().deleteOnExit();
                    return written;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the sandbox's first customer has no invoice with an attachment");
    }
}
