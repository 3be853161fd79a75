package io.portico.itest.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 */
public final class StripeCheckoutWalk {

    private final String base;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<String> problems = new ArrayList<>();

    private StripeCheckoutWalk(String base, ChromeDriver driver) {
        this.base = base;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: StripeCheckoutWalk baseUrl stripeDoubleUrl customerEmail password invoiceId "
                    + "invoiceId3ds");
            System.exit(2);
        }
        System.exit(HeadlessChromium.run(1280, 900, driver -> {
            try (NetworkInterceptor stripe = new NetworkInterceptor(driver, stripeOrigins(args[1]))) {
                StripeCheckoutWalk walk = new StripeCheckoutWalk(args[0], driver);
                walk.walk(args[2], args[3], args[4], args[5]);
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
        open("/sign-in");
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

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private String mainText() {
        return driver.findElement(By.cssSelector("main")).getText();
    }
}
