package io.portico.records.internal;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A PostgreSQL {@code numeric[]} selected as text ({@code {1.00,0,2.5}}) as a list; read only. */
public final class DecimalListTypeHandler extends BaseTypeHandler<List<BigDecimal>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<BigDecimal> value, JdbcType jdbcType) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public List<BigDecimal> getNullableResult(ResultSet rs, String column) throws SQLException {
        return read(rs.getString(column));
    }

    @Override
    public List<BigDecimal> getNullableResult(ResultSet rs, int index) throws SQLException {
        return read(rs.getString(index));
    }

    @Override
    public List<BigDecimal> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return read(cs.getString(index));
    }

    static List<BigDecimal> read(String array) {
        if (array == null || array.length() < 2) {
            return List.of();
        }
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(BigDecimal::new).toList();
    }
}
