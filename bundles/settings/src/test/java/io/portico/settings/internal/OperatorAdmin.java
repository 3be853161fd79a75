package io.portico.settings.internal;

import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The settings tests' actor: an admin of the operator the migrations create. */
final class OperatorAdmin {

    private OperatorAdmin() {
    }

    static SettingsActor of(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM organization WHERE kind = 'operator'")) {
            r.next();
            return new SettingsActor(r.getLong(1), null, "admin@operator.test");
        }
    }
}
