package io.portico.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import io.portico.api.db.Database;
import io.portico.db.internal.PooledDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/**
 * A session closed without a commit leaves nothing behind, even when its writes were mapped as selects
 * ({@code INSERT … RETURNING}, claims with {@code UPDATE … RETURNING}), which MyBatis does not count as changes: closing
 * must roll them back, not commit them on the way out (as switching the connection back to auto-commit does).
 */
class UnfinishedSessionTest {

    interface Notes {
        @Select("INSERT INTO unfinished_note (text) VALUES (#{text}) RETURNING id")
        long add(@Param("text") String text);
    }

    @Test
    void aSessionThatFailsAfterASelectMappedWriteCommitsNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            execute(db.dataSource(), "CREATE TABLE unfinished_note (id bigserial PRIMARY KEY, text text NOT NULL)");
            try (HikariDataSource pool = new HikariDataSource()) {
                pool.setDataSource(db.dataSource());
                for (Database database : new Database[] {db.database(), new PooledDatabase(pool)}) {
                    var sessions = database.sessionFactory(Notes.class);
                    assertThrows(IllegalStateException.class, () -> {
                        try (SqlSession session = sessions.openSession(false)) {
                            session.getMapper(Notes.class).add("half done");
                            throw new IllegalStateException("the work failed after its first write");
                        }
                    });
                    try (SqlSession session = sessions.openSession(false)) {
                        session.getMapper(Notes.class).add("done");
                        session.commit(true);
                    }
                }
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT string_agg(text, ',' ORDER BY id) FROM unfinished_note")) {
                rs.next();
                assertEquals("done,done", rs.getString(1), "only the committed writes, on a plain and a pooled source");
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
