package io.portico.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void createsAMigratedDatabaseWithTheOperatorTenant() throws Exception {
        try (TestDatabase db = TestDatabase.create();
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM organization WHERE kind = 'operator'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }
}
