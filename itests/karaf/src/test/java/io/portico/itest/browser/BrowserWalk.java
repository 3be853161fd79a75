package io.portico.itest.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walks the portal in real headless Chromium, driven by Selenium, as a plain Java program: {@code BrowserIT} runs it
 * in a JVM of its own (Selenium is not an OSGi citizen, so it never enters Karaf) once it has made the people to sign
 * in as. Every page is checked on a desktop window (1280×800) and a phone viewport (390×844): the shell's landmarks,
 * the skip link, the user menu reaching Sign out, the phone's menu button revealing the navigation, nothing scrolling
 * sideways on the phone, and axe-core finding no serious or critical violation. Screenshots go to the directory given.
 *
 * <p>A customer also walks every record type from the sidebar: a sales order with the invoice billed from it and its
 * shipment (with the carrier's tracking link), the invoice's attachments (the download answers the sandbox's file,
 * {@code attachmentFile}), a payment and a credit memo with the invoices they were applied to.
 *
 * <p>The customer pays on a phone (two invoices, one partially), then with a card that asks for 3-D Secure, a declined
 * card and a bank account the bank returns; makes a payment link, which a browser without a session pays. The
 * operator's admin sees Payments, the payment links and Settings > Pay, and maps the invoices' fields in Settings >
 * Field mapping, which the customer then sees, and moves Documents to the top of the sidebar in Settings >
 * Sidebar on a phone, which the customer then sees first. The declined payment's reference is printed
 * ({@code declined <reference>}) for the test to check the ledger.
 *
 * <p>Arguments: {@code baseUrl screenshotDir customerEmail operatorEmail password attachmentFile}. Prints every problem found and
 * exits 1 when there is one; 2 when the walk itself broke.
 */
public final class BrowserWalk {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Who pays through the payment link, without an account: the receipt goes there. */
    public static final String LINK_PAYER = "ap-clerk@acme.example";
    /** What Settings &gt; Field mapping renames the invoice number to, and what it shows for the status paid. */
    private static final String NUMBER_LABEL = "Invoice no.";
    private static final String PAID = "Paid in full";

    private final String base;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<String> problems = new ArrayList<>();
    private final PageChecks checks;

    private BrowserWalk(String base, Path screenshots, ChromeDriver driver) throws IOException {
        this.base = base;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        this.checks = new PageChecks(driver, problems, screenshots);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: BrowserWalk baseUrl screenshotDir customerEmail operatorEmail password "
                    + "attachmentFile");
            System.exit(2);
        }
        long started = System.nanoTime();
        int exit = HeadlessChromium.run(1280, 800, driver -> {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
            BrowserWalk walk = new BrowserWalk(args[0], Path.of(args[1]), driver);
            walk.walk(args[2], args[3], args[4], Path.of(args[5]));
            return walk.problems;
        });
        System.out.printf("walked in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(exit);
    }

    private void walk(String customer, String operator, String password, Path attachment) throws Exception {
        checks.recordCspViolations();
        checks.desktop();
        open("/sign-in");
        checks.checkCspViolationsAreHeard(wait);
        checkAnonymousShell();
        checks.axe("sign-in");
        checks.screenshot("sign-in.png");
        signIn(customer, password);
        checkSignedInShell("dashboard");
        checkUserMenu();
        checks.axe("dashboard");
        checks.screenshot("dashboard-desktop.png");
        open("/records/invoice");
        checkSignedInShell("invoices");
        checks.axe("invoices");
        checks.screenshot("invoices-desktop.png");
        listUpdatesInPlace();
        String invoice = firstRecordLink("invoices");
        open(invoice);
        checkSignedInShell("invoice");
        checks.axe("invoice");
        checks.screenshot("invoice-desktop.png");
        List<String> records = walkRecordTypes(attachment);
        for (String path : List.of("/account", "/members", "/choose-organization")) {
            open(path);
            checks.axe(path);
        }

        checks.phone();
        open("/");
        checkSignedInShell("dashboard");
        checks.checkNoSidewaysScroll("dashboard");
        checks.axe("dashboard");
        checks.screenshot("dashboard-phone.png");
        checkMenuButton();
        List<String> phonePages = new ArrayList<>(List.of("/records/invoice", invoice));
        phonePages.addAll(records);
        phonePages.addAll(List.of("/account", "/members", "/choose-organization"));
        for (String path : phonePages) {
            open(path);
            checks.checkNoSidewaysScroll(path);
            checks.axe(path);
        }
        payOnAPhone();
        checks.desktop();
        payWithAChallenge();
        System.out.println("declined " + aDeclinedCardTakesNothing());
        aBankPaymentFailsAfterProcessing();
        String link = paymentLink();
        checks.phone();
        signOutThroughUserMenu();
        checkAnonymousShell();
        checks.checkNoSidewaysScroll("sign-in");
        checks.axe("sign-in");
        checks.screenshot("sign-in-phone.png");
        for (String path : List.of("/register", "/forgot-password")) {
            open(path);
            checks.checkNoSidewaysScroll(path);
            checks.axe(path);
        }
        payThroughALink(link);

        // The operator's staff: the admin pages, wide tables included, and Pay's.
        signIn(operator, password);
        List<String> adminPages = List.of("/admin/organizations", "/admin/syncs", "/admin/audit", "/members",
                "/payments", "/pay/links", "/admin/pay", "/admin/reconciliation", "/admin/branding",
                "/admin/sidebar", "/admin/netsuite");
        for (String path : adminPages) {
            open(path);
            checkSignedInShell(path);
            checks.checkNoSidewaysScroll(path);
            checks.axe(path);
        }
        checks.desktop();
        for (String path : adminPages) {
            open(path);
            checkSignedInShell(path);
            checks.axe(path);
        }
        open("/");
        checkUserMenu();
        List<String> menu = texts(".user-menu .menu-panel a");
        if (!menu.contains("Admin") || !menu.contains("Syncs")) {
            problems.add("the operator's user menu misses Admin or Syncs: " + menu);
        }
        firstRunAndNetSuite();
        viewAsCustomer();
        mapTheInvoiceFields(customer, operator, password);
        exportAndImportTheSettings();
        brandThePortal();
        moveDocumentsToTheTop(customer, operator, password);
        checks.checkNoCspViolations();
    }

    /**
     * Settings &gt; Sidebar on a phone: each entry a card of labelled inputs, nothing scrolling sideways (not even in
     * a box of its own); the operator types positions that move Documents to the top and saves, and the customer's
     * sidebar then starts with Documents.
     */
    private void moveDocumentsToTheTop(String customer, String operator, String password) {
        signIn(operator, password);
        checks.phone();
        open("/admin/sidebar");
        checkSignedInShell("sidebar settings");
        checks.checkNoSidewaysScroll("sidebar settings");
        if (Boolean.TRUE.equals(js("var box = document.querySelector('form[action=\"/admin/sidebar\"] .table-scroll');"
                + " return box.scrollWidth > box.clientWidth;"))) {
            problems.add(where + ": the entries scroll sideways in their box on a phone");
        }
        checks.axe("sidebar settings on a phone");
        fill(By.name("position.documents"), "1");
        fill(By.name("position.dashboard"), "2");
        click(By.cssSelector("form[action='/admin/sidebar'] button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("notice=saved"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        where("sidebar saved");
        expectText(".notice", "was saved", "the notice that the sidebar was saved");
        checks.desktop();
        driver.manage().deleteAllCookies();
        signIn(customer, password);
        open("/dashboard");
        List<WebElement> entries = driver.findElements(By.cssSelector("nav.sidebar ul.nav-list a"));
        if (entries.isEmpty() || !entries.get(0).getAttribute("href").endsWith("/attachments")) {
            problems.add("the customer's sidebar does not start with Documents: " + texts("nav.sidebar ul.nav-list a"));
        }
    }

    /**
     * The operator's dashboard opens with the first-run checklist (its five steps in order, each a link to where it
     * is done, each saying whether it is done) and Settings &gt; NetSuite shows the connection in use and its form, on
     * a desktop and a phone; screenshots of both for the README.
     */
    private void firstRunAndNetSuite() throws IOException {
        List<String> steps = List.of("Connect NetSuite", "Choose the record types and run the first sync",
                "Set up branding", "Invite the first customers", "Connect payments");
        for (boolean onPhone : List.of(false, true)) {
            if (onPhone) {
                checks.phone();
            } else {
                checks.desktop();
            }
            String device = onPhone ? "phone" : "desktop";
            open("/dashboard");
            where("operator dashboard");
            List<String> links = texts(".first-run li a");
            if (!links.equals(steps)) {
                problems.add(where + ": the first-run checklist reads " + links + ", not " + steps);
            }
            if (texts(".first-run li .pill").stream().anyMatch(p -> !p.equals("Done") && !p.equals("To do"))) {
                problems.add(where + ": a checklist step does not say whether it is done");
            }
            checks.checkNoSidewaysScroll("operator dashboard");
            checks.axe("operator dashboard");
            checks.screenshot("operator-dashboard-" + device + ".png");
            open("/admin/netsuite");
            where("Settings > NetSuite");
            expect("#netsuite-status", "the connection in use");
            expect("#netsuite-form", "the account and credentials form");
            checks.checkNoSidewaysScroll("/admin/netsuite");
            checks.axe("/admin/netsuite");
            checks.screenshot("settings-netsuite-" + device + ".png");
        }
        checks.desktop();
    }

    /**
     * Settings &gt; Field mapping on a desktop, through its form as an admin fills it in: the invoices' number
     * renamed, the status {@code paid} (INV-1998's and INV-1975's) shown as {@link #PAID}, the due date hidden;
     * Preview shows that on the newest invoices while nothing is saved yet (the settings' JSON still has the old
     * label), on a phone too; then Save. The customer then reads the new label and display value, and no due date, in
     * the invoice list (columns, cells, status filter) and on INV-1998's page. The same form undoes the mapping, so
     * that nothing after this depends on it.
     */
    private void mapTheInvoiceFields(String customer, String operator, String password) throws Exception {
        open("/admin/field-mapping");
        checkSignedInShell("field mapping");
        checks.axe("field mapping");
        new Select(driver.findElement(By.id("type-choice"))).selectByValue("invoice");
        click(By.cssSelector("form[method=get][action='/admin/field-mapping'] button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("type=invoice"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        where("field mapping of invoices");
        expectText("main h2", "How customers read Invoices", "the invoices' form");
        fill(By.name("label.number"), NUMBER_LABEL);
        fill(By.name("values.status"), "paid = " + PAID);
        click(By.name("hidden.dueDate"));
        click(By.cssSelector("button[name=action][value=preview]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-list")));
        wait.until(d -> "complete".equals(js("return document.readyState")));

        where("field mapping preview");
        expectText(".notice", "nothing is saved until you press Save", "the notice that a preview saves nothing");
        String preview = "section[aria-labelledby=preview-list] ";
        expectMapped("the preview's columns", texts(preview + "thead th"));
        expectMapped("the preview's detail page", texts(preview + "dl.fields dt"));
        if (texts(preview + "tbody td").stream().noneMatch(PAID::equals)) {
            problems.add(where + ": no paid invoice reads " + PAID + ": " + texts(preview + "tbody tr"));
        }
        expectMappingForm();
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/admin/settings/field-mapping/invoice")).header("Cookie", sessionCookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() != 200 || !saved.body().contains("\"label\":\"Invoice #\"")
                || saved.body().contains(NUMBER_LABEL) || saved.body().contains(PAID)) {
            problems.add(where + ": the preview saved something: " + saved.statusCode() + " " + saved.body());
        }
        checks.axe("field mapping preview");
        String fields = "form[method=post][action='/admin/field-mapping'] .table-scroll";
        checks.scrollBelowTopBar(fields);
        checks.screenshot("settings-field-mapping-desktop.png");
        checks.phone();
        checks.checkNoSidewaysScroll("field mapping preview");
        checks.axe("field mapping preview");
        checks.scrollBelowTopBar(fields);
        checks.screenshot("settings-field-mapping-phone.png");
        checks.desktop();

        click(By.cssSelector("button[name=action][value=save]"));
        wait.until(ExpectedConditions.urlContains("notice=saved"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        where("field mapping saved");
        expectText(".notice", "was saved", "the notice that the mapping was saved");
        expectMappingForm();
        checks.axe("field mapping saved");

        driver.manage().deleteAllCookies();
        signIn(customer, password);
        seeMappedInvoices();

        driver.manage().deleteAllCookies();
        signIn(operator, password);
        open("/admin/field-mapping?type=invoice");
        fill(By.name("label.number"), "");
        fill(By.name("values.status"), "");
        click(By.name("hidden.dueDate"));
        click(By.cssSelector("button[name=action][value=save]"));
        wait.until(ExpectedConditions.urlContains("notice=saved"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        where("field mapping undone");
        if (!driver.findElement(By.name("label.number")).getAttribute("value").isEmpty()
                || driver.findElement(By.name("hidden.dueDate")).isSelected()
                || !driver.findElement(By.name("values.status")).getAttribute("value").isEmpty()) {
            problems.add(where + ": the invoices' mapping was not undone");
        }
    }

    /** The form as filled in: kept by the preview, and as saved. */
    private void expectMappingForm() {
        if (!NUMBER_LABEL.equals(driver.findElement(By.name("label.number")).getAttribute("value"))
                || !driver.findElement(By.name("hidden.dueDate")).isSelected()
                || !driver.findElement(By.name("values.status")).getAttribute("value").contains("paid = " + PAID)) {
            problems.add(where + ": the form does not show the mapping as filled in");
        }
    }

    /** Labels customers read with the mapping: the new number's label, neither the old one nor the hidden Due. */
    private void expectMapped(String what, List<String> labels) {
        if (!labels.contains(NUMBER_LABEL) || labels.contains("Invoice #") || labels.contains("Due")) {
            problems.add(where + ": " + what + " are " + labels + ", not " + NUMBER_LABEL + " without Due");
        }
    }

    /**
     * The customer's invoice list and INV-1998's page with the mapping (which every node rereads within 2 seconds):
     * the number's new label as column and card label, INV-1998's status as {@link #PAID} in its row, in the status
     * filter and on its page, and the due date nowhere.
     */
    private void seeMappedInvoices() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Thread.sleep(500);
            open("/records/invoice?sort=number&dir=asc");
        } while (!texts("table.data thead th").contains(NUMBER_LABEL) && System.nanoTime() < deadline);
        String row = invoiceRow("INV-1998");
        checkSignedInShell("invoices mapped");
        expectMapped("the list's columns", texts("table.data thead th"));
        if (!driver.findElements(By.id("sort-dueDate")).isEmpty()
                || !driver.findElements(By.cssSelector("table.data td[data-label='Due']")).isEmpty()) {
            problems.add(where + ": the hidden due date is still in the list");
        }
        if (driver.findElements(By.cssSelector("table.data td[data-label='" + NUMBER_LABEL + "']")).isEmpty()) {
            problems.add(where + ": the list's cells are not labelled " + NUMBER_LABEL + " for a phone's cards");
        }
        if (!row.contains(PAID)) {
            problems.add(where + ": INV-1998's row does not read " + PAID + ": " + row);
        }
        if (!texts("#list-status option").contains(PAID)) {
            problems.add(where + ": the status filter does not offer " + PAID + ": " + texts("#list-status option"));
        }
        checks.axe("invoices mapped");
        open(linkTo("invoices mapped", "INV-1998"));
        checkSignedInShell("invoice mapped");
        expectMapped("the invoice's fields", texts("main dl.fields dt"));
        expectText("main .pill", PAID, "the status's display value");
        checks.axe("invoice mapped");
    }

    /**
     * Settings &gt; Branding on a desktop: a yellow primary colour and an SVG logo, uploaded through the form as it is
     * (no script needed); the top bar turns yellow with near-black text (white would fail WCAG AA) and shows the logo,
     * the page warns about white text, axe-core finds nothing on the yellow pages, and the sign-in page has them too.
     */
    /**
     * Settings &gt; Export and import through its file input: a file with a key this portal does not know is refused
     * naming the key; the portal's own export, checked, lists what importing it would change and writes nothing. The
     * answer on a desktop and a phone (no sideways scroll, axe-core), with screenshots for the README.
     */
    private void exportAndImportTheSettings() throws Exception {
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/admin/settings/export")).header("Cookie", sessionCookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (export.statusCode() != 200 || !export.body().contains("\"formatVersion\"")) {
            problems.add("the settings export answered " + export.statusCode() + ": " + export.body());
            return;
        }
        Path file = Files.createTempFile("portico-settings-", ".json");
        Path unknown = Files.createTempFile("portico-settings-unknown-", ".json");
        Files.writeString(file, export.body());
        Files.writeString(unknown, export.body().replaceFirst("\"branding\" : \\{",
                "\"branding\" : { \"colour2\" : \"#000000\","));
        try {
            open("/admin/export-import");
            where("Settings > Export and import");
            driver.findElement(By.name("document")).sendKeys(unknown.toAbsolutePath().toString());
            click(By.cssSelector("form[action='/admin/export-import'] button[value=import]"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-error")));
            expectText("#document-error", "branding.colour2", "the refusal naming the unknown key");
            driver.findElement(By.name("document")).sendKeys(file.toAbsolutePath().toString());
            click(By.cssSelector("form[action='/admin/export-import'] button[value=check]"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
            expectText(".notice", "nothing was changed yet", "the check's answer");
            expectText(".notice li", "Branding", "what importing would change");
            checks.axe("/admin/export-import");
            checks.screenshot("settings-export-import-desktop.png");
            checks.phone();
            checks.checkNoSidewaysScroll("/admin/export-import");
            checks.axe("/admin/export-import");
            checks.screenshot("settings-export-import-phone.png");
        } finally {
            Files.delete(file);
            Files.delete(unknown);
        }
        checks.desktop();
    }

    private void brandThePortal() throws IOException {
        Path logo = Files.createTempFile("portico-logo-", ".svg");
        Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"32\" "
                + "viewBox=\"0 0 64 32\"><title>Acme</title><rect width=\"64\" height=\"32\" rx=\"6\" "
                + "fill=\"#1b1b1b\"/><circle cx=\"16\" cy=\"16\" r=\"9\" fill=\"#ffd400\"/></svg>");
        try {
            open("/admin/branding");
            fill(By.name("colour"), "#ffd400");
            fill(By.name("footer"), "Acme Supplies Inc. · 1 Main Street");
            driver.findElement(By.name("logo")).sendKeys(logo.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("form[action='/admin/branding'] button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("notice=saved"));
            open("/admin/branding?notice=saved");
        } finally {
            Files.delete(logo);
        }
        where("branding");
        expectText(".banner", "below the 4.5:1", "the warning that white text would not read");
        checkBrandedTopBar("branding");
        checks.axe("branding in yellow");
        open("/dashboard");
        checks.axe("dashboard in yellow");
        checks.screenshot("branding-desktop.png");
        checks.phone();
        open("/admin/branding");
        checks.checkNoSidewaysScroll("branding");
        checks.axe("branding in yellow on a phone");
        driver.manage().deleteAllCookies();
        open("/sign-in");
        checkBrandedTopBar("sign-in");
        expectText(".site-footer", "Acme Supplies Inc.", "the footer line");
        checks.axe("sign-in in yellow");
        checks.desktop();
    }

    private void checkBrandedTopBar(String page) {
        WebElement bar = driver.findElement(By.cssSelector("header.topbar"));
        String background = bar.getCssValue("background-color");
        String text = driver.findElement(By.cssSelector("header.topbar a.brand")).getCssValue("color");
        if (!background.contains("255, 212, 0") || !text.contains("17, 17, 17")) {
            problems.add(page + ": the top bar is " + background + " with text " + text
                    + ", not yellow with near-black text");
        }
        Object logoWidth = js("var i = document.querySelector('header.topbar a.brand img'); "
                + "return i && i.complete ? i.naturalWidth : 0;");
        if (!(logoWidth instanceof Number n) || n.intValue() == 0) {
            problems.add(page + ": the uploaded logo does not show in the top bar");
        }
    }

    /**
     * The invoice list with htmx: typing a search updates the table in place (a marker set on {@code window} before
     * survives, so the page did not load again), the URL follows, focus stays in the search box, the count is
     * announced; a sort link does the same and the search keeps it; Back and Forward step through those states
     * without a page load either.
     */
    private void listUpdatesInPlace() {
        open("/records/invoice");
        where("invoices in place");
        wait.until(d -> Boolean.TRUE.equals(js("return !!(window.htmx && htmx.config && !htmx.config.allowEval)")));
        js("window.porticoMarker = 'no reload'");
        List<String> all = texts("table.data tbody tr a[href*='/records/invoice/']");
        WebElement search = driver.findElement(By.id("list-q"));
        search.click();
        search.sendKeys("INV-205");
        wait.until(d -> d.getCurrentUrl().endsWith("/records/invoice?q=INV-205"));
        wait.until(d -> texts("table.data tbody tr a[href*='/records/invoice/']").equals(List.of("INV-2057")));
        expectNoReload("typing a search");
        if (!"list-q".equals(js("return document.activeElement && document.activeElement.id"))) {
            problems.add(where + ": focus left the search box while typing");
        }
        Object live = js("var r = document.getElementById('list-range');"
                + " return r && r.getAttribute('aria-live') + ' ' + r.textContent.trim()");
        if (!"polite 1–1 of 1".equals(live)) {
            problems.add(where + ": the count is not announced in a live region: " + live);
        }
        checks.axe("invoices searched in place");

        search.clear();
        search.sendKeys("INV-20");
        wait.until(d -> d.getCurrentUrl().endsWith("/records/invoice?q=INV-20"));
        wait.until(d -> texts("table.data tbody tr a[href*='/records/invoice/']").size() == 3);
        driver.findElement(By.id("sort-number")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/records/invoice?q=INV-20&sort=number&dir=asc"));
        wait.until(d -> texts("table.data tbody tr a[href*='/records/invoice/']").equals(List.of("INV-2041", "INV-2057",
                "INV-2063")));
        expectNoReload("sorting");
        if (!"number".equals(js("var s = document.querySelector('#list-filters input[name=sort]');"
                + " return s && s.value"))) {
            problems.add(where + ": the search form lost the sort it is to keep");
        }

        driver.navigate().back();
        wait.until(d -> d.getCurrentUrl().endsWith("/records/invoice?q=INV-20"));
        wait.until(d -> texts("table.data tbody tr a[href*='/records/invoice/']").size() == 3
                && "INV-20".equals(js("return document.getElementById('list-q').value")));
        driver.navigate().forward();
        wait.until(d -> d.getCurrentUrl().endsWith("/records/invoice?q=INV-20&sort=number&dir=asc"));
        wait.until(d -> texts("table.data tbody tr a[href*='/records/invoice/']").equals(List.of("INV-2041", "INV-2057",
                "INV-2063")));
        expectNoReload("Back and Forward");
        open("/records/invoice");
        if (!texts("table.data tbody tr a[href*='/records/invoice/']").equals(all)) {
            problems.add(where + ": the unfiltered list changed: " + all);
        }
    }

    /**
     * Pays two invoices on a phone through the sandbox processor: ticks them on the list, lowers one amount, enters a
     * test credit card in the processor's element, sees the total before paying, pays, and finds the invoices paid and
     * partly paid on the list; every step without sideways scrolling and passing axe-core.
     */
    private void payOnAPhone() throws IOException {
        open("/records/invoice?sort=number&dir=asc&status=open");
        where("paying");
        for (String number : List.of("INV-2057", "INV-2063")) {
            click(By.cssSelector("input[type=checkbox][aria-label='Select " + number + "']"));
        }
        click(By.cssSelector("#list-actions button.primary"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.pay-form")));
        payStep("/pay (choose)");
        WebElement partial = driver.findElement(By.cssSelector("fieldset.pay-invoice:first-of-type input[name^='amount-']"));
        partial.clear();
        partial.sendKeys("100.00");
        click(By.cssSelector("form.pay-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sandbox-element")));
        payStep("/pay (method)");
        enterCard("4242 4242 4242 4242");
        payStep("/pay (review)");
        String review = mainText();
        // 100.00 + 785.25 = 885.25, and 3 % of it on a credit card from Florida: 26.56, so 911.81 to pay.
        if (!review.contains("$26.56") || !review.contains("Pay $911.81")) {
            problems.add(where + ": the surcharge and total are not shown before paying: " + review);
        }
        checks.screenshot("pay-review-phone.png");
        String outcome = pay();
        payStep("/pay (outcome)");
        if (!outcome.contains("Thank you") || !outcome.contains("$911.81")) {
            problems.add(where + ": the payment's outcome says " + outcome);
        }
        open("/records/invoice?sort=number&dir=asc");
        String list = driver.findElement(By.cssSelector("table.data")).getText();
        if (!list.contains("$1,080.50")) {
            problems.add(where + ": INV-2057 does not show 1,080.50 still due after paying 100.00: " + list);
        }
        String paid = invoiceRow("INV-2063");
        if (!paid.contains("Paid") || !paid.contains("$0.00")) {
            problems.add(where + ": INV-2063 does not show paid after paying it in full: " + paid);
        }
    }

    /**
     * A card that asks for 3-D Secure: paying 200.00 of INV-2041 sends the browser to the sandbox's challenge page,
     * "Authenticate" brings it back to a confirmed payment.
     */
    private void payWithAChallenge() {
        startPaying("INV-2041", "200.00");
        enterCard("4000 0000 0000 3220");
        where("3-D Secure");
        click(By.cssSelector("main form.actions button.primary"));
        wait.until(ExpectedConditions.urlContains("/pay-sandbox/challenge/"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        checks.axe("the processor's 3-D Secure challenge");
        click(By.cssSelector("button[name=outcome][value=authenticate]"));
        wait.until(ExpectedConditions.urlMatches("/pay/[0-9a-f-]{36}$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .pill")));
        payStep("/pay (outcome after 3-D Secure)");
        // 3 % of 200.00 on a credit card from Florida.
        String outcome = mainText();
        if (!outcome.contains("Thank you") || !outcome.contains("$206.00")) {
            problems.add(where + ": after authenticating, the outcome says " + outcome);
        }
        if (!invoiceRow("INV-2041").contains("$1,040.00")) {
            problems.add(where + ": INV-2041 does not show 1,040.00 left after paying 200.00: "
                    + invoiceRow("INV-2041"));
        }
    }

    /**
     * A declined credit card: the surcharge shown on the review is not kept, the payment reads Failed with the reason
     * on Payments, and INV-2057's balance is what it was. Returns the payment's reference, for the test to check the
     * ledger.
     */
    private String aDeclinedCardTakesNothing() {
        startPaying("INV-2057", null);
        enterCard("4000 0000 0000 0002");
        where("declined card");
        if (!mainText().contains("Credit card surcharge")) {
            problems.add(where + ": the review shows no surcharge for a credit card: " + mainText());
        }
        String outcome = pay();
        payStep("/pay (declined)");
        if (!outcome.contains("Your card was declined.") || !outcome.contains("Nothing was charged")) {
            problems.add(where + ": the outcome of a declined card says " + outcome);
        }
        String reference = reference(outcome);
        open("/payments/" + reference);
        String payment = mainText();
        if (!payment.contains("Failed") || payment.contains("surcharge") || !payment.contains("$1,080.50")) {
            problems.add(where + ": Payments shows the declined payment as " + payment);
        }
        checks.axe("a declined payment");
        String row = invoiceRow("INV-2057");
        if (!row.contains("$1,080.50") || !row.contains("Partially paid")) {
            problems.add(where + ": INV-2057's balance changed after a declined card: " + row);
        }
        return reference;
    }

    /**
     * A bank debit the bank returns: "processing" on the outcome, on the invoice and on Payments, then failed with
     * the bank's reason on Payments and "Payment failed" on the invoice, which owes what it did before.
     */
    private void aBankPaymentFailsAfterProcessing() throws InterruptedException {
        String invoice = startPaying("INV-2057", null);
        enterBankAccount("000111111113");
        where("returned bank payment");
        String outcome = pay();
        if (!outcome.contains("Processing") || !outcome.contains("is processing")) {
            problems.add(where + ": the outcome of a bank payment says " + outcome);
        }
        String reference = reference(outcome);
        open(invoice);
        String processing = mainText();
        open("/payments");
        String payments = firstTableRow();
        if (!processing.contains("Payment processing")) {
            problems.add(where + ": the invoice does not read Payment processing: " + processing);
        }
        if (!payments.contains("Processing") || !payments.contains("1113")) {
            problems.add(where + ": Payments does not show the bank payment processing: " + payments);
        }
        String returned = "The bank returned the payment: account closed.";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String payment = "";
        while (System.nanoTime() < deadline && !payment.contains(returned)) {
            Thread.sleep(1000);
            open("/payments/" + reference);
            payment = mainText();
        }
        if (!payment.contains("Failed") || !payment.contains(returned)) {
            problems.add(where + ": the returned bank payment does not read failed with the bank's reason: "
                    + payment);
        }
        checks.axe("a returned bank payment");
        open("/payments");
        if (!firstTableRow().contains("Failed")) {
            problems.add(where + ": Payments does not show the returned bank payment failed: " + firstTableRow());
        }
        open(invoice);
        String after = mainText();
        if (!after.contains("Payment failed") || !after.contains("$1,080.50")) {
            problems.add(where + ": INV-2057 does not read Payment failed, owing 1,080.50 again, after the bank "
                    + "returned the payment: " + after);
        }
        checks.axe("an invoice whose bank payment was returned");
    }

    /** "Payment link" on INV-2041's page, as the customer's admin: returns the link's path, shown once. */
    private String paymentLink() {
        open("/records/invoice?sort=number&dir=asc");
        open(linkTo("invoices", "INV-2041"));
        where("payment link");
        click(By.xpath("//main//form[@action='/pay/links']//button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay-link")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        checks.axe("a new payment link");
        String url = driver.findElement(By.id("pay-link")).getAttribute("value");
        int path = url.indexOf("/pay/l/");
        if (path < 0) {
            problems.add(where + ": the new link is " + url);
            return "/pay/l/none";
        }
        return url.substring(path);
    }

    /**
     * The link in a browser that never signed in (no cookie, no session): the invoice's current balance, an email
     * for the receipt, the processor's element, the review and the outcome, on a phone, then the link says paid.
     */
    private void payThroughALink(String link) {
        driver.manage().deleteAllCookies();
        open(link);
        where("payment link");
        linkStep("link (choose)");
        String choose = mainText();
        if (!choose.contains("INV-2041") || !choose.contains("1,040.00")) {
            problems.add(where + ": the link does not show INV-2041 with 1,040.00 left: " + choose);
        }
        driver.findElement(By.cssSelector("form.pay-form input[name=email]")).sendKeys(LINK_PAYER);
        click(By.cssSelector("form.pay-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sandbox-element")));
        linkStep("link (method)");
        enterCard("4242 4242 4242 4242");
        linkStep("link (review)");
        String outcome = pay();
        linkStep("link (outcome)");
        // 1,040.00 and 3 % of it: 31.20.
        if (!outcome.contains("Thank you") || !outcome.contains("$1,071.20")) {
            problems.add(where + ": the link's payment outcome says " + outcome);
        }
        open(link);
        if (!mainText().contains("Nothing is left to pay")) {
            problems.add(where + ": the link does not say INV-2041 is paid: " + mainText());
        }
    }

    /** Opens an invoice from the list and starts paying it with "Pay this invoice", lowered to {@code amount}. */
    private String startPaying(String number, String amount) {
        open("/records/invoice?sort=number&dir=asc");
        String invoice = linkTo("invoices", number);
        open(invoice);
        click(By.xpath("//main//form[@action='/pay']//button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.pay-form")));
        if (amount != null) {
            WebElement field = driver.findElement(By.cssSelector("form.pay-form input[name^='amount-']"));
            field.clear();
            field.sendKeys(amount);
        }
        click(By.cssSelector("form.pay-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sandbox-element")));
        return invoice;
    }

    /** A test card in the processor's element, billed in Florida (which allows a surcharge), up to the review. */
    private void enterCard(String number) {
        driver.findElement(By.cssSelector("input[id$='-number']")).sendKeys(number);
        driver.findElement(By.cssSelector("input[id$='-expiry']")).sendKeys("12/34");
        driver.findElement(By.cssSelector("input[id$='-cvc']")).sendKeys("123");
        new Select(driver.findElement(By.cssSelector("select[id$='-state']")))
                .selectByValue("FL");
        toReview();
    }

    /** A test bank account in the processor's element, up to the review. */
    private void enterBankAccount(String account) {
        click(By.cssSelector(".sandbox-element input[type=radio][value=us_bank_account]"));
        driver.findElement(By.cssSelector("input[id$='-routing']")).sendKeys("110000000");
        driver.findElement(By.cssSelector("input[id$='-account']")).sendKeys(account);
        toReview();
    }

    private void toReview() {
        click(By.cssSelector(".sandbox-element button.primary"));
        wait.until(ExpectedConditions.urlContains("/review"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    /** "Pay …" on the review; returns the outcome page's text. */
    private String pay() {
        click(By.cssSelector("main form.actions button.primary"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .pill")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        return mainText();
    }

    /** The payment reference an outcome page names. */
    private String reference(String outcome) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Payment reference: ([0-9a-f-]{36})")
                .matcher(outcome);
        if (!id.find()) {
            problems.add(where + ": the outcome names no payment reference: " + outcome);
            return "none";
        }
        return id.group(1);
    }

    /** INV-…'s row on the invoice list, as one line of text. */
    private String invoiceRow(String number) {
        open("/records/invoice?sort=number&dir=asc");
        return String.valueOf(js("var number = arguments[0];"
                + " var r = Array.from(document.querySelectorAll('table.data tbody tr'))"
                + ".find(function (row) { return row.textContent.indexOf(number) >= 0; });"
                + " return r ? r.textContent.replace(/\\s+/g, ' ') : ''", number));
    }

    private String firstTableRow() {
        return String.valueOf(js("var r = document.querySelector('table.data tbody tr');"
                + " return r ? r.textContent.replace(/\\s+/g, ' ') : ''"));
    }

    private String mainText() {
        return driver.findElement(By.cssSelector("main")).getText();
    }

    /** Clicks what a person would scroll to first: out from under the sticky top bar. */
    private void click(By what) {
        WebElement element = driver.findElement(what);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void payStep(String page) {
        where(page);
        checkSignedInShell(page);
        checks.checkNoSidewaysScroll(page);
        checks.axe(page);
    }

    /** A step of a payment link's checkout: a page for someone not signed in. */
    private void linkStep(String page) {
        where(page);
        if (!driver.findElements(By.cssSelector("nav[aria-label='Portal']")).isEmpty()) {
            problems.add(where + ": a payment link's page shows the portal navigation");
        }
        checks.checkNoSidewaysScroll(page);
        checks.axe(page);
    }

    private void expectNoReload(String what) {
        if (!"no reload".equals(js("return window.porticoMarker"))) {
            problems.add(where + ": " + what + " loaded the whole page again");
        }
    }

    /** Staff view the customer's portal from the organizations page under the read-only banner, then stop. */
    private void viewAsCustomer() throws IOException {
        open("/admin/organizations");
        driver.findElement(By.cssSelector("button[aria-label='View as customer: Acme Supplies']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.view-as-banner")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        checkSignedInShell("dashboard viewed as the customer");
        checkBanner();
        checks.axe("dashboard viewed as the customer");
        checks.screenshot("view-as-desktop.png");
        checks.phone();
        open("/records/invoice");
        checkSignedInShell("invoices viewed as the customer");
        checkBanner();
        checks.checkNoSidewaysScroll("invoices viewed as the customer");
        checks.axe("invoices viewed as the customer");
        checks.screenshot("view-as-phone.png");
        driver.findElement(By.cssSelector("section.view-as-banner button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/organizations"));
        wait.until(d -> "complete".equals(js("return document.readyState")));
        if (!driver.findElements(By.cssSelector("section.view-as-banner")).isEmpty()) {
            problems.add("Stop viewing left the read-only banner on " + driver.getCurrentUrl());
        }
        checks.desktop();
    }

    private void checkBanner() {
        WebElement banner = driver.findElement(By.cssSelector("section.view-as-banner"));
        if (!banner.isDisplayed() || !banner.getText().contains("Acme Supplies")
                || !banner.getText().contains("read-only")) {
            problems.add(where + ": the read-only banner is missing or says " + banner.getText());
        }
        WebElement stop = banner.findElement(By.cssSelector("button[type=submit]"));
        if (!stop.isDisplayed() || !stop.getText().contains("Stop viewing")) {
            problems.add(where + ": the banner's Stop viewing button is not shown");
        }
    }

    /**
     * Every record type from the sidebar, as the customer follows the links: sales orders, SO-880 and what was billed
     * and shipped from it, the shipment's tracking link, the invoice's attachments and their download, a payment and
     * a credit memo with the invoices they paid. Returns the pages visited, for the phone.
     */
    private List<String> walkRecordTypes(Path attachment) throws Exception {
        List<String> visited = new ArrayList<>();
        visited.add(fromSidebar("salesorder", "sales orders"));
        String order = linkTo("sales orders", "SO-880");
        open(order);
        checkSignedInShell("sales order");
        expectText("main .pill", "Billed", "the order's status");
        checks.axe("sales order");
        String billed = linkTo("sales order", "INV-2041");
        String shipment = linkTo("sales order", "IF-501");
        open(shipment);
        checkSignedInShell("shipment");
        expect("main a[href='https://www.ups.com/track?tracknum=1Z999AA10123456784']", "the UPS tracking link");
        checks.axe("shipment");
        open(billed);
        checkSignedInShell("invoice with attachments");
        checkAttachments(attachment);
        checks.axe("invoice with attachments");
        String invoiceId = billed.substring(billed.lastIndexOf('/') + 1);
        checkPdf("the invoice's PDF", "/documents/invoice/pdf?invoice=" + invoiceId);
        visited.addAll(List.of(order, shipment, billed));

        visited.add(fromSidebar("/statement", "statement"));
        checkPdf("the statement's PDF", linkTo("statement", "Download PDF"));
        visited.add(fromSidebar("/attachments", "documents"));

        visited.add(fromSidebar("customerpayment", "payments"));
        String payment = linkTo("payments", "PYMT-311");
        open(payment);
        checkSignedInShell("payment");
        linkTo("payment", "INV-2057");
        checks.axe("payment");
        visited.add(payment);

        visited.add(fromSidebar("creditmemo", "credit memos"));
        String memo = linkTo("credit memos", "CM-118");
        open(memo);
        checkSignedInShell("credit memo");
        linkTo("credit memo", "INV-2063");
        checks.axe("credit memo");
        visited.add(memo);
        return visited;
    }

    /**
     * A generated PDF, fetched with the browser's session cookie as its button or link fetches it: a PDF of its
     * own type, named, and more than a header.
     */
    private void checkPdf(String what, String href) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + href))
                .header("Cookie", sessionCookies()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = pdf.body();
        boolean isPdf = body.length > 4 && new String(body, 0, 5, StandardCharsets.US_ASCII)
                .equals("%PDF-");
        if (pdf.statusCode() != 200 || !isPdf || body.length < 5_000
                || !"application/pdf".equals(pdf.headers().firstValue("Content-Type").orElse(""))
                || !pdf.headers().firstValue("Content-Disposition").orElse("").contains(".pdf")) {
            problems.add(where + ": " + what + " (" + href + ") answered " + pdf.statusCode() + ", "
                    + pdf.headers().firstValue("Content-Type").orElse("no type") + ", " + body.length + " bytes");
        } else {
            System.out.println("downloaded " + what + ": " + body.length + " bytes");
        }
    }

    private String sessionCookies() {
        StringBuilder cookies = new StringBuilder();
        driver.manage().getCookies().forEach(c -> cookies.append(cookies.length() == 0 ? "" : "; ")
                .append(c.getName()).append('=').append(c.getValue()));
        return cookies.toString();
    }

    /** Opens a record type's list (or a page, given by its path) through its sidebar entry; returns its path. */
    private String fromSidebar(String type, String page) {
        String path = type.startsWith("/") ? type : "/records/" + type;
        List<WebElement> entry = driver.findElements(By.cssSelector("nav.sidebar a[href='" + path + "']"));
        if (entry.isEmpty()) {
            problems.add(where + ": the sidebar has no entry for " + page);
            open(path);
        } else {
            entry.get(0).click();
            wait.until(ExpectedConditions.urlContains(path));
            wait.until(d -> "complete".equals(js("return document.readyState")));
        }
        checkSignedInShell(page);
        checks.axe(page);
        return path;
    }

    /** The page's link (in the main content) whose text names {@code number}; notes a problem when there is none. */
    private String linkTo(String page, String number) {
        Object href = js("var number = arguments[0];"
                + " var a = Array.prototype.find.call(document.querySelectorAll('main a'), function (a) {"
                + " return a.textContent.indexOf(number) >= 0; });"
                + " return a ? a.getAttribute('href') : null;", number);
        if (href == null) {
            problems.add(page + ": no link to " + number);
            return "/records";
        }
        return href.toString();
    }

    /**
     * The invoice lists the sandbox's PDF with a link that answers its exact bytes (fetched with the browser's
     * session cookie) to open in the browser (inline, no {@code download} attribute forcing a save), and the file
     * too large to keep with the reason and no link.
     */
    private void checkAttachments(Path attachment) throws Exception {
        String name = attachment.getFileName().toString();
        expectText("main section h2", "Attachments", "the Attachments section");
        Object href = js("var name = arguments[0];"
                + " var a = Array.prototype.find.call(document.querySelectorAll('main td a'),"
                + " function (a) { return a.textContent.trim() === name; });"
                + " return a ? [a.getAttribute('href'), a.hasAttribute('download')] : null;", name);
        if (!(href instanceof List<?> link)) {
            problems.add(where + ": no link for " + name);
        } else {
            if (Boolean.TRUE.equals(link.get(1))) {
                problems.add(where + ": the link to " + name + " forces a download instead of opening the PDF");
            }
            StringBuilder cookies = new StringBuilder();
            driver.manage().getCookies().forEach(c -> cookies.append(cookies.length() == 0 ? "" : "; ")
                    .append(c.getName()).append('=').append(c.getValue()));
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + link.get(0))).header("Cookie", cookies.toString()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (download.statusCode() != 200 || !Arrays.equals(Files.readAllBytes(attachment), download.body())) {
                problems.add(where + ": the download of " + name + " answered " + download.statusCode() + " with "
                        + download.body().length + " bytes, not the sandbox's " + Files.size(attachment));
            }
            if (!download.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;")) {
                problems.add(where + ": the PDF " + name + " is not sent to open in the browser (inline)");
            }
        }
        Object tooLarge = js("var row = Array.prototype.find.call(document.querySelectorAll('main tr'), function (r) {"
                + " return r.textContent.indexOf('delivery-photos.zip') >= 0; });"
                + " return row ? [row.querySelectorAll('a').length, row.textContent] : null;");
        if (!(tooLarge instanceof List<?> row) || ((Number) row.get(0)).intValue() != 0
                || !String.valueOf(row.get(1)).contains("Too large")) {
            problems.add(where + ": the file too large to keep is not listed with the reason and without a link: "
                    + tooLarge);
        }
    }

    /** Replaces what a field holds, as a person selecting it all and typing would. */
    private void fill(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private void expectText(String css, String text, String what) {
        if (texts(css).stream().noneMatch(t -> t.contains(text))) {
            problems.add(where + ": missing " + what + " (" + css + " saying " + text + ")");
        }
    }

    private void open(String path) {
        driver.get(base + path);
        wait.until(d -> "complete".equals(js("return document.readyState")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main#main")));
    }

    private void signIn(String email, String password) {
        open("/sign-in");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.user-menu")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    private void checkAnonymousShell() {
        where("sign-in");
        expect("a.skip-link[href='#main']", "a skip link");
        expect("header.topbar a.brand", "the brand in the top bar");
        expect("main#main h1", "a main landmark with the page's h1");
        if (!driver.findElements(By.cssSelector("nav[aria-label='Portal']")).isEmpty()) {
            problems.add(where + ": an anonymous page shows the portal navigation");
        }
        expect("input[name=email]", "the email field");
    }

    private void checkSignedInShell(String page) {
        where(page);
        expect("a.skip-link[href='#main']", "a skip link");
        expect("header.topbar", "the top bar (banner)");
        expect("main#main h1", "a main landmark with the page's h1");
        expect("details.user-menu > summary", "the user menu");
        List<WebElement> navs = driver.findElements(By.cssSelector("nav[aria-label='Portal']"));
        if (navs.isEmpty()) {
            problems.add(where + ": no nav[aria-label=Portal]");
            return;
        }
        WebElement sidebar = driver.findElement(By.cssSelector("nav.sidebar"));
        WebElement toggle = driver.findElement(By.cssSelector("details.nav-toggle > summary"));
        if (checks.onPhone() && (sidebar.isDisplayed() || !toggle.isDisplayed())) {
            problems.add(where + ": on a phone the sidebar should fold behind the menu button");
        }
        if (!checks.onPhone() && (!sidebar.isDisplayed() || toggle.isDisplayed())) {
            problems.add(where + ": on a desktop the sidebar should sit beside the content, without a menu button");
        }
        // The skip link is the first thing the keyboard reaches, and it is seen when focused.
        WebElement skip = driver.findElement(By.cssSelector("a.skip-link"));
        js("arguments[0].focus()", skip);
        if (!skip.isDisplayed() || ((Number) js("return arguments[0].getBoundingClientRect().top", skip)).doubleValue() < 0) {
            problems.add(where + ": the focused skip link is not visible");
        }
        js("arguments[0].blur()", skip);
    }

    private void checkUserMenu() {
        WebElement summary = driver.findElement(By.cssSelector("details.user-menu > summary"));
        summary.click();
        WebElement signOut = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("details.user-menu form[action='/sign-out'] button")));
        if (!signOut.getText().contains("Sign out")) {
            problems.add(where + ": the user menu's button says " + signOut.getText());
        }
        if (!driver.findElement(By.cssSelector("details.user-menu a[href='/account']")).isDisplayed()) {
            problems.add(where + ": the user menu does not reach Account");
        }
        summary.click();
        wait.until(ExpectedConditions.invisibilityOf(signOut));
    }

    private void checkMenuButton() {
        WebElement nav = driver.findElement(By.cssSelector("details.nav-toggle nav[aria-label='Portal']"));
        if (nav.isDisplayed()) {
            problems.add(where + ": the phone's navigation shows before the menu button is pressed");
        }
        driver.findElement(By.cssSelector("details.nav-toggle > summary")).click();
        wait.until(ExpectedConditions.visibilityOf(nav));
        if (nav.findElements(By.cssSelector("a")).stream().noneMatch(WebElement::isDisplayed)) {
            problems.add(where + ": the phone's menu shows no link");
        }
        checks.checkNoSidewaysScroll(where + " with the menu open");
        driver.findElement(By.cssSelector("details.nav-toggle > summary")).click();
        wait.until(ExpectedConditions.invisibilityOf(nav));
    }

    private void signOutThroughUserMenu() {
        driver.findElement(By.cssSelector("details.user-menu > summary")).click();
        WebElement signOut = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("details.user-menu form[action='/sign-out'] button")));
        signOut.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/sign-in']")));
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    /** The first record a list links to; the walk fails when the list shows none. */
    private String firstRecordLink(String page) {
        Object href = js("var a = document.querySelector('table.data tbody a'); return a && a.getAttribute('href');");
        if (href == null) {
            problems.add(page + ": the list links to no record");
            return "/records/invoice";
        }
        return href.toString();
    }

    private String where = "";

    private void where(String page) {
        where = page + (checks.onPhone() ? " (phone)" : " (desktop)");
    }

    private void expect(String css, String what) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            problems.add(where + ": missing " + what + " (" + css + ")");
        }
    }

    /** In one script, so that an in-place update between finding and reading cannot leave a stale element. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return new ArrayList<>((List<String>) js("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(function (e) { return e.textContent.trim(); })", css));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
