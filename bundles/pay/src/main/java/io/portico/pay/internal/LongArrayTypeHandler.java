package io.portico.pay.internal;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A {@code List<Long>} as a PostgreSQL {@code bigint[]}. */
public final class LongArrayTypeHandler extends BaseTypeHandler<List<Long>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<Long> values, JdbcType jdbcType)
            throws SQLException {
        ps.setArray(i, ps.getConnection().createArrayOf("bigint", values.toArray()));
    }

    @Override
    public List<Long> getNullableResult(ResultSet rs, String column) throws SQLException {
        return list(rs.getArray(column));
    }

    @Override
    public List<Long> getNullableResult(ResultSet rs, int index) throws SQLException {
        return list(rs.getArray(index));
    }

    @Override
    public List<Long> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return list(cs.getArray(index));
    }

    private static List<Long> list(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        List<Long> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(((Number) value).longValue());
        }
        return values;
    }
}
