package io.portico.sync.internal.engine;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.sync.internal.store.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The part of the identity bundle's {@link Organizations} the customer sync uses, on the same {@code organization}
 * table: an idempotent upsert by NetSuite id (parents linked in either order) and archiving.
 */
final class FakeOrganizations implements Organizations {

    private final DataSource dataSource;

    FakeOrganizations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Organization upsertCustomer(CustomerOrganization c) {
        if (c.name() == null || c.name().isBlank() || c.name().length() > 300) {
            throw new IllegalArgumentException("name is required, at most 300 characters");
        }
        try (Connection conn = dataSource.getConnection()) {
            long tenant = tenant(conn);
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO organization AS o (tenant_id, kind, name, netsuite_id, parent_netsuite_id, parent_id,
                        email_domains, billing_state, currency, attributes)
                    VALUES (?, 'customer', ?, ?, ?, (SELECT p.id FROM organization p WHERE p.tenant_id = ?
                        AND p.kind = 'customer' AND p.netsuite_id = ?), ?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT (tenant_id, kind, netsuite_id) DO UPDATE SET name = EXCLUDED.name,
                        parent_netsuite_id = EXCLUDED.parent_netsuite_id, parent_id = EXCLUDED.parent_id,
                        email_domains = EXCLUDED.email_domains, billing_state = EXCLUDED.billing_state,
                        currency = EXCLUDED.currency, attributes = EXCLUDED.attributes, archived_at = NULL,
                        updated_at = now()""")) {
                ps.setLong(1, tenant);
                ps.setString(2, c.name());
                ps.setString(3, c.netsuiteId());
                ps.setString(4, c.parentNetsuiteId());
                ps.setLong(5, tenant);
                ps.setString(6, c.parentNetsuiteId());
                ps.setArray(7, conn.createArrayOf("text", c.emailDomains().toArray()));
                ps.setString(8, c.billingState());
                ps.setString(9, c.currency());
                ps.setString(10, Json.write(c.attributes()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE organization ch SET parent_id = p.id FROM organization p
                    WHERE ch.tenant_id = ? AND ch.kind = 'customer' AND ch.parent_netsuite_id = ?
                      AND p.tenant_id = ch.tenant_id AND p.kind = 'customer' AND p.netsuite_id = ?
                      AND ch.parent_id IS DISTINCT FROM p.id""")) {
                ps.setLong(1, tenant);
                ps.setString(2, c.netsuiteId());
                ps.setString(3, c.netsuiteId());
                ps.executeUpdate();
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean archiveCustomer(String netsuiteId) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("UPDATE organization SET archived_at = now() WHERE "
                     + "kind = 'customer' AND netsuite_id = ? AND archived_at IS NULL")) {
            ps.setString(1, netsuiteId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long tenant(Connection conn) throws SQLException {
        try (var rs = conn.createStatement().executeQuery("SELECT id FROM organization WHERE kind = 'operator'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<Organization> find(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Organization> findCustomer(String netsuiteId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Organization operator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Organization> customers(String nameContains, boolean includeArchived, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void linkContact(ContactLink link) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unlinkContact(String contactNetsuiteId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isLinkableEmail(String email) {
        throw new UnsupportedOperationException();
    }
}
