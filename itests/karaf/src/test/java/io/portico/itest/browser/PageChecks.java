package io.portico.itest.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The checks every walk makes of a page, in one place: the desktop window or the phone viewport (390×844) it is seen
 * in, nothing scrolling sideways, axe-core finding no serious or critical violation (WCAG AA), no
 * Content-Security-Policy violation on any page since the first, and screenshots for the README. What it finds is
 * added to the walk's problems.
 */
final class PageChecks {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final ChromeDriver driver;
    private final List<String> problems;
    private final Path screenshots;
    private final String axe;
    private boolean phone;

    PageChecks(ChromeDriver driver, List<String> problems, Path screenshots) throws IOException {
        this.driver = driver;
        this.problems = problems;
        this.screenshots = screenshots;
        try (InputStream in = PageChecks.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the class path");
            }
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    boolean onPhone() {
        return phone;
    }

    void desktop() {
        phone = false;
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    void phone() {
        phone = true;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    /** From the first page on, every Content-Security-Policy violation of every page is kept in the tab. */
    void recordCspViolations() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "document.addEventListener('securitypolicyviolation', function (e) {"
                + "  var seen = JSON.parse(sessionStorage.getItem('portico-csp') || '[]');"
                + "  seen.push(location.pathname + ': ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline'));"
                + "  sessionStorage.setItem('portico-csp', JSON.stringify(seen));"
                + "});"));
    }

    /** An inline style added by hand is a violation: the recorder must hear it (and then forgets it). */
    void checkCspViolationsAreHeard(WebDriverWait wait) {
        js("var style = document.createElement('style'); style.textContent = 'body {}';"
                + " document.head.appendChild(style);");
        wait.until(d -> String.valueOf(js("return sessionStorage.getItem('portico-csp')")).contains("style-src"));
        js("sessionStorage.removeItem('portico-csp')");
    }

    void checkNoCspViolations() {
        Object seen = js("return sessionStorage.getItem('portico-csp')");
        if (seen != null && !"[]".equals(seen)) {
            problems.add("the browser reported Content-Security-Policy violations: " + seen);
        }
    }

    void checkNoSidewaysScroll(String page) {
        Number scroll = (Number) js("return document.documentElement.scrollWidth");
        Number inner = (Number) js("return window.innerWidth");
        if (scroll.intValue() > inner.intValue()) {
            String wide = (String) js("var out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + "  var r = e.getBoundingClientRect();"
                    + "  if (r.right > window.innerWidth + 1 && !e.closest('.table-scroll') && out.length < 5) {"
                    + "    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                    + "      + ' right=' + Math.round(r.right));"
                    + "  }"
                    + "});"
                    + "return out.join(', ');");
            problems.add(page + (phone ? " (phone)" : "") + ": scrolls sideways, scrollWidth " + scroll
                    + " > innerWidth " + inner + "; widest: " + wide);
        }
    }

    @SuppressWarnings("unchecked")
    void axe(String page) {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axe);
        }
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document).then(function (r) {"
                + "  done({ passes: r.passes.length, violations: r.violations"
                + "    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '); }),"
                + "    minor: r.violations.filter(function (v) { return v.impact !== 'serious' && v.impact !== 'critical'; })"
                + "      .map(function (v) { return v.impact + ' ' + v.id; }) });"
                + "}).catch(function (e) { done({ passes: 0, violations: ['axe failed: ' + e], minor: [] }); });");
        String at = page + (phone ? " (phone)" : " (desktop)");
        List<Object> violations = (List<Object>) result.get("violations");
        for (Object violation : violations) {
            problems.add(at + ": " + violation);
        }
        long passes = ((Number) result.get("passes")).longValue();
        if (passes == 0) {
            problems.add(at + ": axe checked no rule");
        }
        System.out.println("checked " + at + ": axe passed " + passes + " rules, " + violations.size()
                + " serious or critical violations; minor or moderate: " + result.get("minor"));
    }

    /** Scrolls the page until what {@code css} finds starts just below the sticky top bar, for a screenshot. */
    void scrollBelowTopBar(String css) {
        js("window.scrollTo(0, document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY"
                + " - document.querySelector('header.topbar').offsetHeight)", css);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(screenshots);
        // Nothing focused or hovered in the pictures.
        js("document.activeElement && document.activeElement.blur()");
        Files.write(screenshots.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
