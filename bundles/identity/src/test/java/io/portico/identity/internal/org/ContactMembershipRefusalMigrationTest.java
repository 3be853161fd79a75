package io.portico.identity.internal.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.api.identity.ContactLink;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V101 on a database that gave memberships by contact link before refusals existed: a membership an administrator
 * removed since (its contact_membership row left behind) becomes a refusal, and links no longer give it back.
 */
class ContactMembershipRefusalMigrationTest {

    @Test
    void membershipsAdministratorsRemovedBeforeRefusalsExistedStayRemoved() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            DataSource ds = db.dataSource();
            // As a database migrated to V410 before V101 was written: Flyway applies V101 out of order.
            execute(ds, "DROP TABLE contact_membership_refusal",
                    "DELETE FROM flyway_schema_history WHERE version = '101'",
                    """
                    INSERT INTO organization (tenant_id, kind, name, netsuite_id)
                    SELECT id, 'customer', 'Acme', '300' FROM organization WHERE kind = 'operator'""",
                    """
                    INSERT INTO app_user (tenant_id, email, email_verified_at)
                    SELECT id, e, now() FROM organization, unnest(ARRAY['removed@acme.example',
                        'member@acme.example']) AS e
                    WHERE kind = 'operator'""",
                    """
                    INSERT INTO contact_link (tenant_id, contact_netsuite_id, customer_netsuite_id, email, email_domain)
                    SELECT tenant_id, '300' || u.email, '300', u.email, 'acme.example'
                    FROM app_user u""",
                    """
                    INSERT INTO contact_membership (user_id, organization_id, tenant_id)
                    SELECT u.id, o.id, o.tenant_id FROM app_user u, organization o WHERE o.netsuite_id = '300'""",
                    """
                    INSERT INTO membership (user_id, organization_id, role)
                    SELECT u.id, o.id, 'member' FROM app_user u, organization o
                    WHERE o.netsuite_id = '300' AND u.email = 'member@acme.example'""");

            db.migrate();

            assertEquals(List.of("removed@acme.example"), emails(ds, "contact_membership_refusal"));
            assertEquals(List.of("member@acme.example"), emails(ds, "contact_membership"));
            OrganizationsImpl organizations = new OrganizationsImpl(new IdentityStore(db.database()));
            organizations.linkContact(new ContactLink("300removed@acme.example", "300", "removed@acme.example"));
            assertEquals(List.of("member@acme.example"), emails(ds, "membership"), "the removal stands");
        }
    }

    /** The emails of the users with a row in a table of the customer Acme. */
    private static List<String> emails(DataSource ds, String table) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT u.email FROM " + table + " t JOIN app_user u ON u.id = t.user_id "
                     + "JOIN organization o ON o.id = t.organization_id WHERE o.netsuite_id = '300' "
                     + "ORDER BY u.email")) {
            while (rs.next()) {
                emails.add(rs.getString(1));
            }
        }
        return emails;
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
