package io.portico.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColourContrastTest {

    @Test
    void ratiosAreWcags() {
        assertEquals(21.0, ColourContrast.ratio("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, ColourContrast.ratio("#777777", "#777777"), 0.001);
        // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
        assertEquals(4.54, ColourContrast.ratio("#767676", "#FFFFFF"), 0.01);
    }

    @Test
    void picksTheTextThatReads() {
        assertEquals(ColourContrast.WHITE, ColourContrast.readableTextOn("#1f4e79"));
        assertEquals(ColourContrast.DARK_TEXT, ColourContrast.readableTextOn("#ffd400"));
        for (String colour : new String[] {"#ffd400", "#00ff00", "#808080", "#1f4e79", "#ff0000", "#00a3e0"}) {
            String text = ColourContrast.readableTextOn(colour);
            assertTrue(ColourContrast.ratio(text, colour) >= ColourContrast.AA, colour + " with " + text);
        }
    }

    @Test
    void darkensALightColourUntilItReadsOnWhite() {
        assertEquals("#1f4e79", ColourContrast.onWhite("#1F4E79"), "a dark colour stays");
        String darker = ColourContrast.onWhite("#ffd400");
        assertTrue(ColourContrast.ratio(darker, "#ffffff") >= ColourContrast.AA, darker);
        assertFalse(darker.equals("#000000"), "no darker than needed");
    }

    @Test
    void refusesWhatIsNotAColour() {
        assertFalse(ColourContrast.isColour("red"));
        assertFalse(ColourContrast.isColour("#fff"));
        assertTrue(ColourContrast.isColour("#A1b2C3"));
        assertThrows(IllegalArgumentException.class, () -> ColourContrast.ratio("blue", "#ffffff"));
    }

    @Test
    void theOldBrandingConstructorPicksTheTextColour() {
        Branding light = new Branding("Acme", "#ffd400", null);
        assertEquals(ColourContrast.DARK_TEXT, light.textColour());
        assertEquals(null, light.supportEmail());
    }
}
