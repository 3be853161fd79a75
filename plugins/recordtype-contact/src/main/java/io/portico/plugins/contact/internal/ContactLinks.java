package io.portico.plugins.contact.internal;

import io.portico.api.db.Database;
import io.portico.api.identity.Organizations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NetSuite contacts linked to their customer's organization by email ({@code contact_link}), and the memberships
 * those links give: a user whose verified email equals a linked contact's email is an active member of the
 * contact's customer organization. A membership made this way is remembered ({@code contact_membership}) and taken
 * back when no link justifies it any more (the contact was deleted, made inactive, moved to another company or its
 * email changed); memberships made by invitations or registrations are never touched. Links are applied at once for
 * the contact that changed, and all of them again every few minutes, so that users who verify their email later, and
 * customers synced after their contacts, are picked up.
 *
 * <p>Stop-gap: the memberships belong to the identity bundle, whose API has no contact hook yet. When
 * {@code Organizations} offers one (linkContact / unlinkContact), {@link #link} and {@link #unlink} hand over to it
 * and the membership SQL here goes away; the link table stays the contact sync's record of what it linked.
 */
@Component(service = ContactLinks.class)
public final class ContactLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ContactLinks.class);

    /** What the audit log names as the actor of membership changes made here. */
    static final String ACTOR = "system:contact-sync";
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s\\x00-\\x1f]{1,64}@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final long RECONCILE_MINUTES = 5;

    private final DataSource dataSource;
    private final LongSupplier tenantId;
    private final ScheduledExecutorService timer;

    @Activate
    public ContactLinks(@Reference Database database, @Reference Organizations organizations) {
        this(database.dataSource(), () -> organizations.operator().id(), true);
    }

    ContactLinks(DataSource dataSource, LongSupplier tenantId, boolean reconcilePeriodically) {
        this.dataSource = dataSource;
        this.tenantId = tenantId;
        if (reconcilePeriodically) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "portico-contact-links");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::reconcileQuietly, 1, RECONCILE_MINUTES, TimeUnit.MINUTES);
        } else {
            timer = null;
        }
    }

    @Deactivate
    void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * The address a link is made for: lower case, without surrounding blanks, and shaped like a mail address; empty
     * when the contact's email cannot be matched against users' verified addresses.
     */
    static Optional<String> linkableEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.length() <= 254 && EMAIL.matcher(e).matches() ? Optional.of(e) : Optional.empty();
    }

    /**
     * Links a contact to its customer's organization (or moves the link), takes back the memberships its previous
     * link gave and gives the new ones. Idempotent.
     *
     * @param email an address from {@link #linkableEmail}
     */
    public void link(String contactId, String customerId, String email) {
        long tenant = tenantId.getAsLong();
        transaction(c -> {
            String previousEmail = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT email FROM contact_link "
                    + "WHERE tenant_id = ? AND contact_netsuite_id = ? FOR UPDATE")) {
                ps.setLong(1, tenant);
                ps.setString(2, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    previousEmail = rs.next() ? rs.getString(1) : null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO contact_link (tenant_id, contact_netsuite_id, customer_netsuite_id, email, email_domain)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, contact_netsuite_id) DO UPDATE SET
                        customer_netsuite_id = EXCLUDED.customer_netsuite_id, email = EXCLUDED.email,
                        email_domain = EXCLUDED.email_domain, updated_at = now()
                    WHERE (contact_link.customer_netsuite_id, contact_link.email)
                          IS DISTINCT FROM (EXCLUDED.customer_netsuite_id, EXCLUDED.email)""")) {
                ps.setLong(1, tenant);
                ps.setString(2, contactId);
                ps.setString(3, customerId);
                ps.setString(4, email);
                ps.setString(5, email.substring(email.lastIndexOf('@') + 1));
                ps.executeUpdate();
            }
            if (previousEmail != null) {
                revokeStale(c, tenant, previousEmail);
            }
            grant(c, tenant, contactId);
            return null;
        });
    }

    /** Removes a contact's link and takes back the memberships only it gave. Idempotent. */
    public void unlink(String contactId) {
        long tenant = tenantId.getAsLong();
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM contact_link "
                    + "WHERE tenant_id = ? AND contact_netsuite_id = ? RETURNING email")) {
                ps.setLong(1, tenant);
                ps.setString(2, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        revokeStale(c, tenant, rs.getString(1));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Applies every link: gives the memberships links justify and takes back those they no longer do.
     *
     * @return {memberships given, memberships taken back}
     */
    public int[] reconcile() {
        long tenant = tenantId.getAsLong();
        return transaction(c -> new int[] {grant(c, tenant, null), revokeStale(c, tenant, null)});
    }

    private void reconcileQuietly() {
        try {
            int[] changed = reconcile();
            if (changed[0] + changed[1] > 0) {
                LOG.info("Contact links: {} memberships given, {} taken back", changed[0], changed[1]);
            }
        } catch (RuntimeException e) {
            LOG.warn("Contact links could not be applied: {}", e.getMessage());
        }
    }

    /** Gives the users a link matches (of one contact, or of all) membership; returns how many were given. */
    private static int grant(Connection c, long tenant, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH candidates AS (
                    SELECT DISTINCT u.id AS user_id, o.id AS organization_id
                    FROM contact_link l
                    JOIN organization o ON o.tenant_id = l.tenant_id AND o.kind = 'customer'
                        AND o.netsuite_id = l.customer_netsuite_id AND o.archived_at IS NULL
                    JOIN app_user u ON u.tenant_id = l.tenant_id AND lower(u.email) = l.email
                        AND u.email_verified_at IS NOT NULL AND u.status = 'active'
                    WHERE l.tenant_id = ? AND (CAST(? AS text) IS NULL OR l.contact_netsuite_id = ?)),
                joined AS (
                    INSERT INTO membership (user_id, organization_id, role, status)
                    SELECT user_id, organization_id, 'member', 'active' FROM candidates
                    ON CONFLICT (user_id, organization_id) DO NOTHING
                    RETURNING user_id, organization_id),
                tracked AS (
                    INSERT INTO contact_membership (user_id, organization_id, tenant_id)
                    SELECT user_id, organization_id, ? FROM joined
                    ON CONFLICT DO NOTHING
                    RETURNING user_id, organization_id)
                INSERT INTO audit_log (tenant_id, actor, action, organization_id, subject, detail)
                SELECT ?, ?, 'membership.added', t.organization_id, u.email,
                       jsonb_build_object('role', 'member', 'reason', 'NetSuite contact of the customer')
                FROM tracked t JOIN app_user u ON u.id = t.user_id""")) {
            ps.setLong(1, tenant);
            ps.setString(2, contactId);
            ps.setString(3, contactId);
            ps.setLong(4, tenant);
            ps.setLong(5, tenant);
            ps.setString(6, ACTOR);
            return ps.executeUpdate();
        }
    }

    /**
     * Takes back the memberships a link gave (of the users with one address, or of all) that no link justifies any
     * more; a membership whose role an administrator changed since is left alone. Returns how many were taken back.
     */
    private static int revokeStale(Connection c, long tenant, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH stale AS (
                    SELECT cm.user_id, cm.organization_id
                    FROM contact_membership cm
                    JOIN app_user u ON u.id = cm.user_id
                    JOIN organization o ON o.id = cm.organization_id
                    WHERE cm.tenant_id = ? AND (CAST(? AS text) IS NULL OR lower(u.email) = ?)
                      AND NOT EXISTS (
                          SELECT 1 FROM contact_link l
                          WHERE l.tenant_id = cm.tenant_id AND l.email = lower(u.email)
                            AND l.customer_netsuite_id = o.netsuite_id)),
                untracked AS (
                    DELETE FROM contact_membership cm USING stale s
                    WHERE cm.user_id = s.user_id AND cm.organization_id = s.organization_id
                    RETURNING cm.user_id, cm.organization_id),
                removed AS (
                    DELETE FROM membership m USING untracked t
                    WHERE m.user_id = t.user_id AND m.organization_id = t.organization_id AND m.role = 'member'
                    RETURNING m.user_id, m.organization_id)
                INSERT INTO audit_log (tenant_id, actor, action, organization_id, subject, detail)
                SELECT ?, ?, 'membership.removed', r.organization_id, u.email,
                       jsonb_build_object('reason', 'no longer a NetSuite contact of the customer')
                FROM removed r JOIN app_user u ON u.id = r.user_id""")) {
            ps.setLong(1, tenant);
            ps.setString(2, email);
            ps.setString(3, email);
            ps.setLong(4, tenant);
            ps.setString(5, ACTOR);
            return ps.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("contact links: " + e.getMessage(), e);
        }
    }
}
