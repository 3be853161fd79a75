package io.portico.itest.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpRequest;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pays an invoice through the Stripe plugin in Chromium, with Stripe's origins played by the Stripe double at the
 * browser's network boundary: requests to {@code https://js.stripe.com} get the double's Stripe.js stand-in and
 * requests to {@code https://api.stripe.com} go to the double, so the checkout page's Content-Security-Policy (which
 * allows exactly those origins) is the real one. Prints {@code PROBLEM …} lines; exits 0 when there are none.
 *
 * <p>Then two bank accounts entered by hand, which Stripe verifies with micro-deposits: the payer opens the link from
 * the email (read by the test at its SMTP server and handed over on standard input, one line per payment) and
 * verifies on a desktop with the deposit's code, then on a phone that never signed in with the two amounts; a wrong
 * answer first, which shows Stripe's sentence with the attempts left on the marked fields. The verification pages
 * must not scroll sideways on the phone and pass axe-core, and no page of the walk may violate its
 * Content-Security-Policy; screenshots {@code pay-verify-desktop.png} and {@code pay-verify-phone.png}.
 *
 * <p>Arguments: {@code baseUrl stripeDoubleUrl screenshotDir customerEmail password invoiceId invoiceId3ds
 * invoiceIdCode invoiceIdAmounts}.
 */
public final class StripeCheckoutWalk {

    private final String base;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private String where = "";
    private final List<String> problems = new ArrayList<>();
    private final PageChecks checks;
    /** The emailed verification links, one a line, from the test. */
    private final BufferedReader emailedLinks = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));

    private StripeCheckoutWalk(String base, ChromeDriver driver, Path screenshots) throws IOException {
        this.base = base;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.checks = new PageChecks(driver, problems, screenshots);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            System.err.println("usage: StripeCheckoutWalk baseUrl stripeDoubleUrl screenshotDir customerEmail password"
                    + " invoiceId invoiceId3ds invoiceIdCode invoiceIdAmounts");
            System.exit(2);
        }
        System.exit(HeadlessChromium.run(1280, 900, driver -> {
            try (NetworkInterceptor stripe = new NetworkInterceptor(driver, stripeOrigins(args[1]))) {
                StripeCheckoutWalk walk = new StripeCheckoutWalk(args[0], driver, Path.of(args[2]));
                walk.walk(args[3], args[4], args[5], args[6]);
                walk.verifyMicroDeposits(args[7], args[8]);
                return walk.problems;
            }
        }));
    }

    /** Stripe's origins, answered by the double: Stripe.js by its stand-in, the API by the double itself. */
    private static Route stripeOrigins(String stripeDouble) {
        HttpClient http = HttpClient.newHttpClient();
        return Route.matching(req -> req.getUri().startsWith("https://js.stripe.com/")
                || req.getUri().startsWith("https://api.stripe.com/")
                || req.getUri().startsWith("https://hooks.stripe.com/")).to(() -> req -> {
                    URI uri = URI.create(req.getUri());
                    String target = "js.stripe.com".equals(uri.getHost()) ? stripeDouble + "/double/stripe.js"
                            : stripeDouble + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
                                    + uri.getRawQuery());
                    System.out.println("stripe " + req.getMethod() + " " + req.getUri());
                    try {
                        java.net.http.HttpRequest.Builder forward = java.net.http.HttpRequest.newBuilder(
                                URI.create(target)).timeout(Duration.ofSeconds(20));
                        String type = req.getHeader("Content-Type");
                        if (type != null) {
                            forward.header("Content-Type", type);
                        }
                        forward.method(req.getMethod().toString(), "GET".equals(req.getMethod().toString())
                                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(Contents.string(req)));
                        java.net.http.HttpResponse<byte[]> answer = http.send(forward.build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                        HttpResponse response = new HttpResponse().setStatus(answer.statusCode())
                                .setContent(Contents.bytes(answer.body()));
                        answer.headers().firstValue("Content-Type").ifPresent(
                                v -> response.setHeader("Content-Type", v));
                        answer.headers().firstValue("Location").ifPresent(v -> response.setHeader("Location", v));
                        answer.headers().firstValue("Access-Control-Allow-Origin").ifPresent(
                                v -> response.setHeader("Access-Control-Allow-Origin", v));
                        return response;
                    } catch (Exception e) {
                        return new HttpResponse().setStatus(502).setContent(Contents.utf8String(e.toString()));
                    }
                });
    }

    private void walk(String customer, String password, String invoice, String challengedInvoice) {
        checks.recordCspViolations();
        open("/sign-in");
        checks.checkCspViolationsAreHeard(wait);
        driver.findElement(By.name("email")).sendKeys(customer);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("details.user-menu")));

        // A credit card from Nevada: the surcharge is shown on the review, then paid.
        payWith(invoice, "pm_card_visa", "NV");
        String review = mainText();
        if (!review.contains("surcharge") || !review.contains("$3.00") || !review.contains("Pay $103.00")) {
            problems.add("the review does not show the card's 3 % surcharge and the total: " + review);
        }
        click(By.cssSelector("main form[action$='/confirm'] button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches("/pay/[0-9a-f-]{36}$"));
        String outcome = mainText();
        if (!outcome.contains("Thank you") || !outcome.contains("$103.00")) {
            problems.add("the card payment's outcome says: " + outcome);
        }
        System.out.println("paid by card: " + driver.getCurrentUrl());

        // A card that needs 3-D Secure: paying sends the browser to Stripe's challenge page and back.
        payWith(challengedInvoice, "pm_card_authenticationRequired", "NV");
        click(By.cssSelector("main form[action$='/confirm'] button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("https://hooks.stripe.com/double/3ds/"));
        click(By.xpath("//form[contains(@action, 'outcome=pass')]/button"));
        wait.until(ExpectedConditions.urlMatches("/pay/[0-9a-f-]{36}$"));
        String challenged = mainText();
        if (!challenged.contains("Thank you") || !challenged.contains("$103.00")) {
            problems.add("the outcome after 3-D Secure says: " + challenged);
        }
        System.out.println("paid after 3-D Secure: " + driver.getCurrentUrl());
    }

    /**
     * INV-3003 by a bank account whose micro-deposit carries a code, verified on the desktop it was paid on;
     * INV-3004 by one sent two amounts, verified on a phone that never signed in (the email opened elsewhere).
     */
    private void verifyMicroDeposits(String codeInvoice, String amountsInvoice) throws IOException {
        String codeLink = payByBankEnteredByHand(codeInvoice, "manual_000123456789");
        String amountsLink = payByBankEnteredByHand(amountsInvoice, "manual_000222222227");

        open(codeLink);
        expectVerifyPage("INV-3003", "$100.00", "a 6-character code that starts with SM");
        fill(By.name("code"), "SM00ZZ");
        expectRefused(List.of("code"), "The provided descriptor code does not match the micro-deposit. You have 2"
                + " verification attempts remaining.");
        // Stripe's sentence and the field it is about, together in the picture.
        checks.scrollBelowTopBar("#verify-error");
        checks.screenshot("pay-verify-desktop.png");
        fill(By.name("code"), "SM11AA");
        expectProcessing("$100.00");

        checks.phone();
        driver.manage().deleteAllCookies();
        open(amountsLink);
        expectVerifyPage("INV-3004", "$250.00", "For a deposit of $0.32, enter 32.");
        fill(By.name("amount1"), "12");
        fill(By.name("amount2"), "34");
        expectRefused(List.of("amount1", "amount2"), "The amounts provided do not match the amounts that were sent"
                + " to the bank account. You have 2 verification attempts remaining.");
        checks.screenshot("pay-verify-phone.png");
        fill(By.name("amount1"), "32");
        fill(By.name("amount2"), "45");
        expectProcessing("$250.00");
        checks.checkNoCspViolations();
    }

    /** Pays the invoice by a bank account typed in by hand; answers the path of the link then emailed to verify it. */
    private String payByBankEnteredByHand(String invoice, String method) throws IOException {
        payWith(invoice, method, "NV");
        click(By.cssSelector("main form[action$='/confirm'] button[type=submit]"));
        wait.until(ExpectedConditions.urlMatches("/pay/[0-9a-f-]{36}$"));
        String outcome = mainText();
        if (!outcome.contains("we emailed you a link to the page where you enter them")) {
            problems.add("the outcome of a bank account entered by hand does not point to the email: " + outcome);
        }
        System.out.println("awaiting the verification email for invoice " + invoice);
        String link = emailedLinks.readLine();
        if (link == null) {
            throw new IllegalStateException("the test sent no verification link");
        }
        return link;
    }

    /** The verification page as the email opens it: branded, with the invoice, the total and how to find the answer. */
    private void expectVerifyPage(String number, String total, String howToFind) {
        where = "/pay/verify " + number;
        for (String css : List.of("header.topbar a.brand", "main#main h1", "main form.stacked button.primary")) {
            if (driver.findElements(By.cssSelector(css)).isEmpty()) {
                problems.add(where + ": missing " + css);
            }
        }
        String page = mainText();
        for (String text : List.of("Verify your bank account", number, total, howToFind)) {
            if (!page.contains(text)) {
                problems.add(where + ": does not say " + text + ": " + page);
            }
        }
        checks.checkNoSidewaysScroll(where);
        checks.axe(where);
    }

    /**
     * A wrong answer: the page again, with Stripe's sentence (the attempts left) in an alert that the fields, marked
     * invalid, name as their description.
     */
    private void expectRefused(List<String> fields, String sentence) {
        click(By.cssSelector("main form.stacked button.primary"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-error")));
        WebElement error = driver.findElement(By.id("verify-error"));
        if (!error.getText().contains(sentence) || !"alert".equals(error.getAttribute("role"))) {
            problems.add(where + ": the refusal is not Stripe's sentence in an alert: " + error.getText());
        }
        for (String name : fields) {
            WebElement field = driver.findElement(By.name(name));
            String describedBy = String.valueOf(field.getAttribute("aria-describedby"));
            if (!"true".equals(field.getAttribute("aria-invalid")) || !describedBy.contains("verify-error")) {
                problems.add(where + ": the field " + name + " is not marked invalid and described by the error"
                        + " (aria-invalid " + field.getAttribute("aria-invalid") + ", aria-describedby "
                        + describedBy + ")");
            }
        }
        checks.checkNoSidewaysScroll(where + " refused");
        checks.axe(where + " refused");
    }

    private void expectProcessing(String total) {
        click(By.cssSelector("main form.stacked button.primary"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice[role=status]")));
        String outcome = mainText();
        if (!outcome.contains("Your bank account is verified") || !outcome.contains("processing")
                || !outcome.contains(total)) {
            problems.add(where + ": after the right answer the page says: " + outcome);
        }
        checks.checkNoSidewaysScroll(where + " verified");
        checks.axe(where + " verified");
    }

    /** Opens the invoice's checkout, picks a test payment method in the stand-in element, and goes to the review. */
    private void payWith(String invoice, String method, String state) {
        open("/pay?invoice=" + invoice);
        click(By.cssSelector("form.pay-form button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".payment-element #standin-method")));
        new Select(driver.findElement(By.id("standin-method"))).selectByValue(method);
        new Select(driver.findElement(By.id("standin-state"))).selectByValue(state);
        click(By.cssSelector(".payment-element button.primary"));
        wait.until(ExpectedConditions.urlContains("/review"));
    }

    private void open(String path) {
        driver.get(base + path);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void fill(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private String mainText() {
        return driver.findElement(By.cssSelector("main")).getText();
    }
}
