package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrandingFormTest {

    private static BrandingForm form(String name, String colour, String email, String phone, String footer) {
        return new BrandingForm(name, colour, email, phone, footer);
    }

    @Test
    void normalisesAValidForm() {
        BrandingForm checked = form(" Acme Portal ", " #1F4E79 ", "", "+1 (555) 010-0199 ext. 12", "  ").checked();
        assertEquals(new BrandingForm("Acme Portal", "#1f4e79", null, "+1 (555) 010-0199 ext. 12", null), checked);
    }

    @Test
    void namesTheFieldThatIsNotValid() {
        assertEquals("name", field(form(" ", "#000000", null, null, null)));
        assertEquals("name", field(form("x".repeat(81), "#000000", null, null, null)));
        assertEquals("colour", field(form("A", "red", null, null, null)));
        assertEquals("colour", field(form("A", "#fff", null, null, null)));
        assertEquals("colour", field(form("A", null, null, null, null)));
        assertEquals("supportEmail", field(form("A", "#000000", "not-an-email", null, null)));
        assertEquals("supportEmail", field(form("A", "#000000", "a@b", null, null)));
        assertEquals("supportPhone", field(form("A", "#000000", "help@acme.example", "call us", null)));
        assertEquals("footer", field(form("A", "#000000", null, null, "two\nlines")));
        assertEquals("footer", field(form("A", "#000000", null, null, "x".repeat(201))));
    }

    @Test
    void warnsWhenWhiteTextWouldNotRead() {
        assertNull(form("A", "#1f4e79", null, null, null).lowContrastWarning());
        String warning = form("A", "#FFD400", null, null, null).lowContrastWarning();
        assertNotNull(warning);
        assertTrue(warning.contains("1.4:1") && warning.contains("near-black"), warning);
        assertNull(form("A", "nonsense", null, null, null).lowContrastWarning(), "the field error says it all");
    }

    private static String field(BrandingForm form) {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, form::checked);
        assertEquals(400, refused.status());
        return refused.field();
    }
}
