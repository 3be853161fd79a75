package io.portico.identity.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.portico.api.identity.Role;
import io.portico.api.mail.Mailer;
import io.portico.identity.internal.account.PasswordResets;
import io.portico.identity.internal.account.Registrations;
import io.portico.identity.internal.api.AccountApi;
import io.portico.identity.internal.api.ApiTokensApi;
import io.portico.identity.internal.api.AuditApi;
import io.portico.identity.internal.api.InvitationsApi;
import io.portico.identity.internal.api.MembershipsApi;
import io.portico.identity.internal.api.OrganizationsApi;
import io.portico.identity.internal.api.SessionApi;
import io.portico.identity.internal.api.ViewAsApi;
import io.portico.identity.internal.apitoken.ApiTokens;
import io.portico.identity.internal.members.MemberAdmin;
import io.portico.identity.internal.mfa.MfaSettings;
import io.portico.identity.internal.user.UserDirectory;
import io.portico.identity.internal.web.AccountSettingsPages;
import io.portico.identity.internal.web.AdminPages;
import io.portico.identity.internal.web.MembersPages;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.config.IdentitySettings;
import io.portico.identity.internal.crypto.PasswordHasher;
import io.portico.identity.internal.invite.Invitations;
import io.portico.identity.internal.mail.IdentityMail;
import io.portico.identity.internal.mfa.MfaService;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.policy.DomainJoin;
import io.portico.identity.internal.policy.Policies;
import io.portico.identity.internal.session.SessionService;
import io.portico.identity.internal.signin.SignInService;
import io.portico.identity.internal.sso.SsoSignInImpl;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.identity.internal.token.OneTimeTokens;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.UserMapper;
import io.portico.identity.internal.viewas.ViewAs;
import io.portico.identity.internal.web.AccountPages;
import io.portico.identity.internal.web.AuthenticationFilter;
import io.portico.identity.internal.web.CsrfFilter;
import io.portico.identity.internal.web.ReadOnlyWhileViewing;
import io.portico.identity.internal.web.SignInPages;
import io.portico.mail.internal.MailComponent;
import io.portico.mail.internal.MailConfig;
import io.portico.testing.MutableClock;
import io.portico.testing.TestPages;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The identity bundle wired by hand as DS wires it, serving over real HTTP from Jetty through Jersey, with a fresh
 * database and a real SMTP server (GreenMail) that receives its emails.
 */
public final class IdentityHarness implements AutoCloseable {

    public final IdentityTestDatabase db = new IdentityTestDatabase();
    public final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    public final int port = freePort();
    public final String baseUrl = "http://localhost:" + port;
    public final IdentityStore store = db.store();
    public final OrganizationsImpl organizations = new OrganizationsImpl(store);
    public final IdentitySettings settings = IdentitySettings.defaults(baseUrl);
    public final AuditLog audit = new AuditLog(store, organizations);
    public final SessionService sessions = new SessionService(store, settings);
    public final Authenticator authenticator = new Authenticator(store, sessions, organizations);
    public final Policies policies = new Policies(store, organizations);
    public final DomainJoin domainJoin = new DomainJoin(organizations, policies);
    public final PasswordHasher hasher = new PasswordHasher();
    public final TestSecretBox secrets = new TestSecretBox();
    /** Moved by tests for TOTP codes. */
    public final MutableClock clock = new MutableClock(Instant.now());
    public final MfaService mfa = new MfaService(store, secrets, organizations, clock);
    public final OneTimeTokens tokens = new OneTimeTokens(store);
    public final TestPages pages = new TestPages();
    public final IdentityMail mail;
    public final SignInService signIn;
    public final PasswordResets resets;
    public final Registrations registrations;
    public final Invitations invitations;
    public final SsoSignInImpl sso;
    public final MemberAdmin memberAdmin;
    public final ApiTokens apiTokens;
    public final MfaSettings mfaSettings;
    public final ViewAs viewAs;
    private final Server jetty;

    public IdentityHarness() throws Exception {
        smtp.start();
        Mailer mailer = new MailComponent(mailConfig(smtp.getSmtp().getPort()), pages, secrets);
        mail = new IdentityMail(mailer, settings);
        signIn = new SignInService(store, organizations, sessions, audit, policies, hasher, mfa, tokens, mail,
                settings);
        resets = new PasswordResets(store, organizations, tokens, mail, audit, hasher, sessions, settings);
        registrations = new Registrations(store, organizations, policies, domainJoin, tokens, mail, audit, hasher,
                signIn, settings);
        invitations = new Invitations(store, organizations, tokens, mail, audit, hasher, signIn, policies, settings);
        sso = new SsoSignInImpl(store, organizations, policies, domainJoin, signIn, sessions, audit);
        memberAdmin = new MemberAdmin(store, organizations, policies, audit);
        apiTokens = new ApiTokens(store, audit);
        mfaSettings = new MfaSettings(mfa, audit, policies, pages);
        viewAs = new ViewAs(store, organizations, audit, clock);
        jetty = new Server(port);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ServletContainer(application())), "/*");
        jetty.setHandler(context);
        jetty.start();
    }

    /** The JAX-RS application as the web bundle assembles it from the whiteboard services. */
    private ResourceConfig application() {
        return new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new TestObjectMapper())
                .register(new TestProblemMapper())
                .register(new AuthenticationFilter(authenticator))
                .register(new CsrfFilter())
                .register(new ReadOnlyWhileViewing())
                .register(new SignInPages(pages, signIn, sessions, mfa, new TestPlugins()))
                .register(new AccountPages(pages, resets, registrations, invitations, sessions))
                .register(new SessionApi(signIn, sessions, authenticator))
                .register(new AccountSettingsPages(pages, mfaSettings, signIn, sessions,
                        new UserDirectory(store, organizations)))
                .register(new AccountApi(resets, registrations, mfaSettings, sessions, authenticator))
                .register(new OrganizationsApi(organizations, memberAdmin, invitations))
                .register(new InvitationsApi(invitations, sessions, authenticator))
                .register(new MembershipsApi(memberAdmin))
                .register(new AuditApi(audit))
                .register(new ApiTokensApi(apiTokens))
                .register(new MembersPages(pages, organizations, memberAdmin, invitations))
                .register(new AdminPages(pages, organizations, audit, new TestPlugins(), viewAs))
                .register(new ViewAsApi(viewAs));
    }

    /** A verified user with a password and a membership. */
    public long user(String email, String password, long organizationId, Role role) {
        String hash = hasher.hash(password);
        long tenant = organizations.tenantId();
        return store.write(s -> {
            long id = s.getMapper(UserMapper.class).insert(tenant, email, "", hash, true);
            s.getMapper(MembershipMapper.class).upsert(id, organizationId, role, "active");
            return id;
        });
    }

    /** Runs SQL against the test database, for setting up states such as an expired link. */
    public void execute(String sql) throws SQLException {
        // Through the store, as this node's own writes: the next request sees the change at once (one made on
        // another node is seen within Authenticator.REUSE_LOOKUP_FOR).
        store.write(session -> {
            try (Statement s = session.getConnection().createStatement()) {
                return s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The first column of the first row, as an int (0 when there is no row). */
    public int count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public long operatorId() {
        return organizations.operator().id();
    }

    /** The emails received for an address so far. */
    public List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                result.add(m);
            }
        }
        return result;
    }

    /** The portal link in the latest email to an address. */
    public String latestLink(String address) throws Exception {
        List<MimeMessage> mails = mailsTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("no email to " + address);
        }
        Object content = mails.get(mails.size() - 1).getContent();
        String text = (String) ((jakarta.mail.Multipart) content).getBodyPart(0).getContent();
        Matcher m = Pattern.compile(Pattern.quote(baseUrl) + "/[A-Za-z0-9/_?=%&.-]+").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in the email to " + address + ":\n" + text);
        }
        return m.group();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        smtp.stop();
        db.close();
    }

    private static MailConfig mailConfig(int port) {
        return new MailConfig() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String security() { return "none"; }
            public String username() { return ""; }
            public String password() { return ""; }
            public String from() { return "portal@acme.example"; }
            public String fromName() { return ""; }
            public int timeoutMillis() { return 5000; }
            public Class<? extends Annotation> annotationType() { return MailConfig.class; }
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
