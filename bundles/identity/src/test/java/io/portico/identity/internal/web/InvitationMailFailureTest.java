package io.portico.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Browser;
import io.portico.identity.internal.IdentityHarness;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An invitation whose email cannot be sent is not created: no link, no audit entry, the previous link still works. */
class InvitationMailFailureTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NOTHING_CREATED = "We could not send the invitation email just now, so no invitation "
            + "was created; please try again in a few minutes.";
    private static IdentityHarness portal;
    private static long acme;

    @BeforeAll
    static void start() throws Exception {
        portal = new IdentityHarness();
        acme = portal.organizations.upsertCustomer(new CustomerOrganization("C1", "Acme", List.of(), null, "USD",
                null, Map.of())).id();
        portal.user("admin@acme.example", PASSWORD, acme, Role.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
    }

    @Test
    void whenTheEmailCannotBeSentNothingIsCreatedAndTheInviterIsToldSo() throws Exception {
        Browser admin = new Browser(portal.baseUrl);
        String csrf = admin.signInJson("admin@acme.example", PASSWORD);
        HttpResponse<String> sent = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"earlier@acme.example\",\"role\":\"viewer\"}", csrf);
        assertEquals(201, sent.statusCode(), sent.body());
        String earlierLink = portal.latestLink("earlier@acme.example");
        long earlier = Browser.number(sent.body(), "id");
        int auditBefore = audited();

        portal.smtp.stop();

        Browser page = new Browser(portal.baseUrl);
        page.submit("/sign-in", "/sign-in", Map.of("email", "admin@acme.example", "password", PASSWORD));
        HttpResponse<String> form = page.submit("/members", "/members/invite", Map.of(
                "organization", String.valueOf(acme), "email", "page@acme.example", "role", "viewer"));
        assertEquals(503, form.statusCode());
        assertTrue(form.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(form.body().contains(NOTHING_CREATED.replace("'", "&#39;")), form.body());

        HttpResponse<String> api = admin.change("POST", "/api/organizations/" + acme + "/invitations",
                "{\"email\":\"api@acme.example\",\"role\":\"viewer\"}", csrf);
        assertEquals(503, api.statusCode());
        assertEquals(NOTHING_CREATED, Browser.field(api.body(), "detail"));

        HttpResponse<String> resent = admin.change("POST", "/api/invitations/" + earlier + "/resend", "{}", csrf);
        assertEquals(503, resent.statusCode(), resent.body());

        ProblemException console = assertThrows(ProblemException.class, () -> portal.invitations.inviteFromConsole(
                "admin", acme, "console@acme.example", Role.MEMBER, true));
        assertEquals(NOTHING_CREATED, console.detail());

        assertEquals(0, portal.count("SELECT count(*) FROM one_time_token WHERE email IN ('page@acme.example', "
                + "'api@acme.example', 'console@acme.example')"), "no invitation without its email");
        assertEquals(1, portal.count("SELECT count(*) FROM one_time_token WHERE email = 'earlier@acme.example'"),
                "the failed resend left the invitation as it was");
        assertEquals(auditBefore, audited(), "no audit entry says an invitation was sent");
        portal.invitations.check(earlierLink.substring(earlierLink.indexOf("token=") + 6));
    }

    private static int audited() throws Exception {
        return portal.count("SELECT count(*) FROM audit_log WHERE action = 'invitation.sent' "
                + "AND subject <> 'link@acme.example'");
    }

    @Test
    void linkOnlyConsoleInvitationsNeedNoMail() {
        assertFalse(portal.invitations.inviteFromConsole("admin", acme, "link@acme.example", Role.MEMBER, false)
                .link().isEmpty());
    }
}
