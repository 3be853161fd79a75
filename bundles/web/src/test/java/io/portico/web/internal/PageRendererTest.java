package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.cache.ClassTemplateLoader;
import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.Branding;
import java.lang.annotation.Annotation;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class PageRendererTest {

    /** Pages get records such as PortalUser; they must read like beans. */
    public record User(String displayName, String organizationName) {
    }

    public record ZonedUser(String displayName, String organizationName, ZoneId timeZone) {
    }

    private final PageRenderer renderer = new PageRenderer(
            new ClassTemplateLoader(PageRendererTest.class.getClassLoader(), ""),
            PagesComponent.templatePath(PagesComponent.class, PageRenderer.LAYOUT));
    private final Branding brand = new Branding("Acme Portal", "#123456", null);

    private String render(Map<String, ?> model) {
        return renderer.render(PagesComponent.templatePath(PageRendererTest.class, "greeting.ftlh"), model, brand);
    }

    @Test
    void contentAppearsInsideTheBrandedLayout() {
        String html = render(Map.of("title", "Hello", "who", "world"));
        assertTrue(html.startsWith("<!doctype html>"));
        assertTrue(html.contains("<title>Hello · Acme Portal</title>"));
        assertTrue(html.contains("<p>Hello, world.</p>"));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + PageRenderer.brandCss(brand) + "\">"));
        assertFalse(PageRenderer.brandCss(brand).equals(PageRenderer.brandCss(new Branding("Acme Portal", "#123457",
                null))), "another colour, another address");
    }

    @Test
    void valuesAreHtmlEscaped() {
        String html = render(Map.of("title", "<b>T</b>", "who", "<script>alert(1)</script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;b&gt;T&lt;/b&gt;"));
        assertEquals(-1, html.indexOf("<script>"));
    }

    @Test
    void recordsAreReadableAndTheUserIsShownWithASignOutForm() {
        String html = render(Map.of("title", "T", "who", "x", "user", new User("Ann", "Acme"), "csrf", "tok"));
        assertTrue(html.contains("Ann"));
        assertTrue(html.contains("name=\"csrf\" value=\"tok\""));
    }

    @Test
    void aReaderWithoutATimeZoneGetsTheScriptThatTellsIt() {
        String unset = render(Map.of("title", "T", "who", "x", "user", new User("Ann", "Acme"), "csrf", "tok"));
        assertTrue(unset.contains("<script src=\"/static/time-zone.js\" data-csrf=\"tok\" defer></script>"), unset);
        String chosen = render(Map.of("title", "T", "who", "x", "user", new ZonedUser("Ann", "Acme",
                ZoneId.of("Europe/Paris")), "csrf", "tok"));
        assertFalse(chosen.contains("time-zone.js"), chosen);
        assertFalse(render(Map.of("title", "T", "who", "x")).contains("time-zone.js"), "nobody to tell");
        assertTrue(PageRendererTest.class.getResource("/static/time-zone.js") != null);
    }

    @Test
    void pagesThatUpdateInPlaceGetHtmxConfiguredForTheStrictPolicy() {
        assertFalse(render(Map.of("title", "T", "who", "x")).contains("htmx"), "only the pages that use it");
        String html = render(Map.of("title", "T", "who", "x", "htmx", true));
        assertTrue(html.contains("<script src=\"/static/htmx/htmx-2.0.11.min.js\" defer></script>"), html);
        Matcher config = Pattern.compile("<meta name=\"htmx-config\" content='([^']*)'>").matcher(html);
        assertTrue(config.find(), html);
        for (String setting : List.of("\"allowEval\":false", "\"allowScriptTags\":false",
                "\"includeIndicatorStyles\":false", "\"historyCacheSize\":0", "\"historyRestoreAsHxRequest\":false")) {
            assertTrue(config.group(1).contains(setting), setting);
        }
        assertTrue(PageRendererTest.class.getResource("/static/htmx/htmx-2.0.11.min.js") != null);
    }

    @Test
    void aReadOnlyBannerWithStopViewingTopsEveryPageOfStaffViewingACustomer() {
        PortalUser staff = user(AuthMethod.VIEW_AS);
        assertTrue(staff.viewingAs());
        String html = render(Map.of("title", "T", "who", "x", "user", staff, "csrf", "tok"));
        int banner = html.indexOf("<section class=\"view-as-banner\" aria-label=\"Read-only customer view\">");
        assertTrue(banner > html.indexOf("</header>") && banner < html.indexOf("<main"), html);
        assertTrue(html.contains("Viewing <strong>Acme &amp; Sons</strong> as its customers see it — read-only"));
        assertTrue(html.contains("<form method=\"post\" action=\"/admin/view-as/stop\"><input type=\"hidden\" "
                + "name=\"csrf\" value=\"tok\"><button type=\"submit\">Stop viewing</button></form>"));

        String own = render(Map.of("title", "T", "who", "x", "user", user(AuthMethod.PASSWORD), "csrf", "tok"));
        assertFalse(own.contains("view-as-banner") || own.contains("Stop viewing"));
    }

    private static PortalUser user(AuthMethod method) {
        return new PortalUser(7, "staff@operator.example", "Sam", 1, 42, "Acme & Sons", OrganizationKind.CUSTOMER,
                Role.ADMIN, Map.of(), method);
    }

    @Test
    void fragmentsRenderWithoutTheLayoutAndTextIsNotEscaped() {
        String html = renderer.fragment(PagesComponent.templatePath(PageRendererTest.class, "greeting.ftlh"),
                Map.of("who", "<you>"), brand);
        assertEquals("<p>Hello, &lt;you&gt;.</p>\n", html);
        String text = renderer.fragment(PagesComponent.templatePath(PageRendererTest.class, "greeting.txt.ftl"),
                Map.of("who", "<you>"), brand);
        assertEquals("Hello, <you>, from Acme Portal.\n", text);
    }

    @Test
    void theBrandingsFaviconSupportContactsAndFooterAreOnEveryPage() {
        assertFalse(render(Map.of("title", "T", "who", "x")).contains("<footer"), "none configured");
        Branding full = new Branding("Acme <Portal>", "#ffd400", "/branding/logo?v=3", "/branding/favicon?v=3",
                "#111111", "help@acme.example", "+1 555 010 0199", "Acme & Co. Ltd");
        String html = renderer.render(PagesComponent.templatePath(PageRendererTest.class, "greeting.ftlh"),
                Map.of("title", "T", "who", "x"), full);
        assertTrue(html.contains("<link rel=\"icon\" href=\"/branding/favicon?v=3\">"), html);
        assertTrue(html.contains("<img src=\"/branding/logo?v=3\" alt=\"\" height=\"32\"><span>Acme &lt;Portal&gt;"),
                html);
        int footer = html.indexOf("<footer class=\"site-footer\">");
        assertTrue(footer > html.indexOf("</main>"), "the footer is a landmark of its own, after main");
        assertTrue(html.contains("<a href=\"mailto:help@acme.example\">help@acme.example</a>"));
        assertTrue(html.contains("<a href=\"tel:+15550100199\">+1 555 010 0199</a>"));
        assertTrue(html.contains("<p>Acme &amp; Co. Ltd</p>"));
    }

    @Test
    void brandCssGivesTheColourTheTextOnItAndAReadableLinkColour() {
        assertEquals(":root { --brand: #1f4e79; --brand-text: #ffffff; --link: #1f4e79; }\n",
                BrandingResource.css(new Branding("A", "#1f4e79", null)));
        String yellow = BrandingResource.css(new Branding("A", "#ffd400", null));
        assertTrue(yellow.startsWith(":root { --brand: #ffd400; --brand-text: #111111; --link: #"), yellow);
        assertFalse(yellow.contains("--link: #ffd400"), "yellow links would not read on white");
    }

    @Test
    void everySidebarIconIsASymbolOfTheSelfHostedSprite() throws Exception {
        String sprite;
        try (var in = PageRendererTest.class.getResourceAsStream("/static/icons.svg")) {
            sprite = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String icon : io.portico.api.web.SidebarIcons.NAMES) {
            assertTrue(sprite.contains("<symbol id=\"" + icon + "\" viewBox=\"0 0 24 24\">"), icon);
        }
        assertTrue(io.portico.api.web.SidebarIcons.NAMES.contains(io.portico.api.web.SidebarIcons.defaultFor("x")));
    }

    @Test
    void missingTemplatesAndErrorsSayWhich() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> renderer.render("nowhere.ftlh", Map.of("title", "T"), brand));
        assertTrue(missing.getMessage().contains("nowhere.ftlh"));
        assertThrows(IllegalArgumentException.class, () -> render(Map.of("title", "T")));
    }

    @Test
    void brandingFallsBackToSafeValues() {
        Branding b = PagesComponent.branding(config(" ", "red; background:url(x)", " "));
        assertEquals(new Branding("Portico", "#1f4e79", null), b);
        assertEquals(new Branding("Acme", "#abcdef", "/static/logo.svg"),
                PagesComponent.branding(config("Acme", "#abcdef", "/static/logo.svg")));
    }

    private static BrandingConfig config(String name, String colour, String logo) {
        return new BrandingConfig() {
            public String name() { return name; }
            public String colour() { return colour; }
            public String logoPath() { return logo; }
            public Class<? extends Annotation> annotationType() { return BrandingConfig.class; }
        };
    }
}
