package io.portico.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.portico.api.mail.Email;
import io.portico.api.mail.MailException;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.testing.TestPages;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailComponentTest {

    private GreenMail smtp;
    private MailComponent mailer;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        mailer = new MailComponent(new TestPages(), new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(),
                "none", "", "", "portal@acme.example", "", 5000));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void sendsBrandedHtmlAndPlainText() throws Exception {
        mailer.send(new Email("ann@customer.example", "Welcome", MailComponentTest.class, "welcome",
                Map.of("name", "Ann <Admin>", "link", "https://portal.example/x?a=1&b=2")));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals("Welcome", message.getSubject());
        assertEquals("Acme Portal <portal@acme.example>", message.getFrom()[0].toString());
        assertEquals("auto-generated", message.getHeader("Auto-Submitted")[0]);
        Multipart parts = (Multipart) message.getContent();
        assertEquals(2, parts.getCount());
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.contains("Hello Ann <Admin>, open https://portal.example/x?a=1&b=2"), text);
        assertTrue(html.contains("Hello Ann &lt;Admin&gt;"), html);
        assertTrue(html.contains("href=\"https://portal.example/x?a=1&amp;b=2\""), html);
        assertTrue(html.contains("background:#123456"), "the brand colour is in the layout");
        assertTrue(GreenMailUtil.getBody(message).contains("Acme Portal"));
    }

    @Test
    void unreachableServerIsAClearError() {
        smtp.stop();
        MailException e = assertThrows(MailException.class, () -> mailer.send(new Email("ann@customer.example",
                "Welcome", MailComponentTest.class, "welcome", Map.of("name", "Ann", "link", "x"))));
        assertTrue(e.getMessage().startsWith("Could not send mail through 127.0.0.1:"), e.getMessage());
    }

    @Test
    void malformedRecipientIsRefusedBeforeConnecting() {
        assertThrows(IllegalArgumentException.class, () -> mailer.send(new Email("not an address", "Welcome",
                MailComponentTest.class, "welcome", Map.of("name", "Ann", "link", "x"))));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void settingsRefuseUnknownSecurity() {
        assertThrows(IllegalArgumentException.class,
                () -> new SmtpSettings("h", 25, "ssl3", "", "", "a@b.c", "", 1000));
    }

    /** A Settings &gt; Branding with an uploaded logo of a content type. */
    private static BrandingSource logo(String contentType, byte[] bytes) {
        return new BrandingSource() {
            @Override
            public Branding branding() {
                return new TestPages().branding();
            }

            @Override
            public Optional<Image> logo() {
                return Optional.of(new Image(contentType, bytes));
            }

            @Override
            public Optional<Image> favicon() {
                return Optional.empty();
            }
        };
    }

    private MimeMessage welcome() {
        mailer.send(new Email("ann@customer.example", "Welcome", MailComponentTest.class, "welcome",
                Map.of("name", "Ann", "link", "https://portal.example/x")));
        return smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
    }

    @Test
    void anUploadedPngLogoIsAnInlineImageBesideTheHtmlAndTheTextIsUnchanged() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
        String textWithout = (String) ((Multipart) welcome().getContent()).getBodyPart(0).getContent();
        mailer.brandingSource = logo("image/png", png);
        MimeMessage message = welcome();
        Multipart alternative = (Multipart) message.getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
        assertEquals(textWithout, alternative.getBodyPart(0).getContent(), "the plain text is as before");
        Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
        assertTrue(related.getContentType().startsWith("multipart/related"), related.getContentType());
        String html = (String) related.getBodyPart(0).getContent();
        assertTrue(html.contains("<img src=\"cid:logo@portico\" alt=\"Acme Portal\""), html);
        assertTrue(html.contains("background:#123456"), "the brand colour is still there");
        MimeBodyPart image = (MimeBodyPart) related.getBodyPart(1);
        assertEquals("<logo@portico>", image.getContentID());
        assertTrue(image.getContentType().startsWith("image/png"), image.getContentType());
        assertEquals(Part.INLINE, image.getDisposition());
        assertArrayEquals(png, image.getInputStream().readAllBytes());
    }

    @Test
    void anSvgLogoIsLeftOutForTheNameAsMailClientsDoNotShowSvg() throws Exception {
        mailer.brandingSource = logo("image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes());
        Multipart alternative = (Multipart) welcome().getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertFalse(html.contains("cid:"), html);
        assertTrue(html.contains("font-weight:600\">Acme Portal</td>"), html);
    }
}
