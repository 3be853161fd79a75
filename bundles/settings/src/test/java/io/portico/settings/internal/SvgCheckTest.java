package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SvgCheckTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\">";

    private static void check(String svg) {
        SvgCheck.check("logo", svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAPlainDrawingWithDrawingToolsMetadata() {
        assertDoesNotThrow(() -> check(ImageUploadTest.SAFE_SVG));
        assertDoesNotThrow(() -> check("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.3\">"
                + "<inkscape:grid/><style>.a{fill:#f00}</style><path class=\"a\" d=\"M0 0h1v1z\"/></svg>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<script xmlns=\"http://www.w3.org/1999/xhtml\">alert(1)</script>",
        "<rect onload=\"alert(1)\"/>",
        "<rect ONCLICK=\"alert(1)\"/>",
        "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
        "<image href=\"https://evil.example/x.png\"/>",
        "<use href=\"https://evil.example/s.svg#a\"/>",
        "<use xlink:href=\"data:image/svg+xml,&lt;svg/&gt;\"/>",
        "<a href=\"javascript:alert(1)\"><rect/></a>",
        "<rect style=\"fill:url(https://evil.example/track)\"/>",
        "<rect fill=\"url('//evil.example/p')\"/>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<style><![CDATA[rect{background:url(http://evil.example/)}]]></style>",
        "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
        "<animate attributeName=\"href\" values=\"javascript:alert(1)\"/>",
        "<iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example\"/>"
    })
    void refusesScriptEventHandlersAndExternalReferences(String inner) {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> check(OPEN + inner + "</svg>"));
        assertTrue(refused.field().equals("logo") && refused.status() == 400, refused.detail());
    }

    @Test
    void refusesDtdsEntitiesAndStylesheets() {
        assertThrows(InvalidSettingException.class, () -> check("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]>" + OPEN + "<text>&x;</text></svg>"));
        assertThrows(InvalidSettingException.class, () -> check("<?xml-stylesheet href=\"https://evil.example/x.css\"?>"
                + OPEN + "</svg>"));
        assertThrows(InvalidSettingException.class, () -> check("<html><body/></html>"));
        assertThrows(InvalidSettingException.class, () -> check("<svg>no namespace</svg>"));
        assertThrows(InvalidSettingException.class, () -> check(OPEN + "<rect>"));
    }
}
