package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Identity against the real distribution: an operator invites a customer's admin from the console, the invitation
 * goes out over SMTP (to a mail sink inside the test), and the admin accepts it, signs out, and signs in again over
 * HTTP with the sign-in page.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityIT extends PorticoTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    private Organizations organizations;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5))
            .build();
    private SmtpSink smtp;

    @Configuration
    public Option[] config() {
        return withSmtp(distribution(databasePassword()));
    }

    @Before
    public void startSmtp() throws IOException {
        smtp = smtpSink();
    }

    @After
    public void stopSmtp() throws IOException {
        smtp.close();
    }

    @Test
    public void invitedAdminAcceptsSignsOutAndSignsInAgain() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        // The integration database outlives a run: every run uses names of its own.
        String run = Long.toString(System.nanoTime(), 36);
        String name = "Acme IT " + run;
        String email = "ann-" + run + "@acme-it.example";
        Organization acme = organizations.upsertCustomer(new CustomerOrganization("IT-" + run, name,
                List.of("acme-" + run + ".example"), "ok", "USD", null, Map.of("terms", "Net 30")));
        assertTrue(console("portico:org-list " + run).contains(name));

        String invited = console("portico:user-invite -r admin " + email + " " + acme.id());
        assertTrue(invited, invited.contains("Invited " + email + " to " + name + " as admin"));
        String mail = smtp.next();
        assertTrue(mail, mail.contains("Subject: You are invited to " + name));
        Matcher link = Pattern.compile("(/invitations/accept\\?token=[A-Za-z0-9_-]{43})").matcher(mail);
        assertTrue(mail, link.find());

        HttpResponse<String> page = send(page(link.group(1)));
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains(name));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        HttpResponse<String> accepted = send(form("/invitations/accept", Map.of("token", link.group(1)
                .replaceFirst(".*token=", ""), "name", "Ann Admin", "password", PASSWORD, "csrf", csrf(page))));
        assertEquals(accepted.body(), 303, accepted.statusCode());

        HttpResponse<String> me = send(page("/api/me"));
        assertEquals(200, me.statusCode());
        assertTrue(me.body(), me.body().contains("\"state\":\"signed_in\"") && me.body().contains("\"role\":\"admin\"")
                && me.body().contains("\"name\":\"" + name + "\""));
        String sessionCsrf = me.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        assertEquals(303, send(form("/sign-out", Map.of("csrf", sessionCsrf))).statusCode());
        assertEquals(401, send(page("/api/me")).statusCode());
        // A browser opening a page after signing out signs in first, and comes back afterwards.
        HttpResponse<String> members = send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort()
                + "/members")).header("Accept", "text/html").GET().build());
        assertEquals(303, members.statusCode());
        assertTrue(members.headers().firstValue("Location").orElse("").endsWith("/sign-in?next=%2Fmembers"));

        HttpResponse<String> signInPage = send(page("/sign-in"));
        assertTrue(signInPage.body(), signInPage.body().contains("href=\"/brand.css?v="));
        HttpResponse<String> wrong = send(form("/sign-in", Map.of("email", email, "password",
                "not the password", "csrf", csrf(signInPage))));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("The email address or password is wrong."));
        HttpResponse<String> signedIn = send(form("/sign-in", Map.of("email", email, "password",
                PASSWORD, "csrf", csrf(wrong))));
        assertEquals(303, signedIn.statusCode());
        assertTrue(send(page("/api/me")).body().contains(email));

        String users = console("portico:user-list " + run);
        assertTrue(users, users.contains(email) && users.contains(name + " (admin)"));
        HttpResponse<String> people = send(page("/members"));
        assertEquals(200, people.statusCode());
        assertTrue(people.body().contains("People of " + name));
        assertEquals(403, send(page("/admin/organizations")).statusCode());
        assertEquals(200, status("/brand.css"));
    }

    @Test
    public void theFirstOwnerGetsInWithAConsoleLinkAndSeesTheAdminPages() throws Exception {
        await("/health to answer 200", WAIT, () -> status("/health") == 200);
        String run = Long.toString(System.nanoTime(), 36);
        String owner = "owner-" + run + "@operator.example";
        String output = console("portico:user-invite --link-only -r owner " + owner);
        Matcher link = Pattern.compile("(/invitations/accept\\?token=([A-Za-z0-9_-]{43}))").matcher(output);
        assertTrue(output, link.find());
        HttpResponse<String> page = send(page(link.group(1)));
        HttpResponse<String> accepted = send(form("/invitations/accept", Map.of("token", link.group(2),
                "name", "First Owner", "password", PASSWORD, "csrf", csrf(page))));
        assertEquals(accepted.body(), 303, accepted.statusCode());
        HttpResponse<String> organizationsPage = send(page("/admin/organizations"));
        assertEquals(200, organizationsPage.statusCode());
        assertTrue(organizationsPage.body().contains("Organizations"));
        assertTrue(send(page("/admin/audit")).body().contains(owner));
    }

    private HttpRequest page(String path) throws IOException {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path)).GET().build();
    }

    private HttpRequest form(String path, Map<String, String> fields) throws IOException {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + page.body());
        }
        return m.group(1);
    }
}
