package io.portico.identity.internal.store;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** A {@code jsonb} column as a {@code Map}; write it with {@code CAST(#{value, typeHandler=...} AS jsonb)}. */
public final class JsonMapTypeHandler extends BaseTypeHandler<Map<String, Object>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Map<String, Object> value, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, Json.write(value));
    }

    @Override
    public Map<String, Object> getNullableResult(ResultSet rs, String column) throws SQLException {
        return Json.readMap(rs.getString(column));
    }

    @Override
    public Map<String, Object> getNullableResult(ResultSet rs, int index) throws SQLException {
        return Json.readMap(rs.getString(index));
    }

    @Override
    public Map<String, Object> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return Json.readMap(cs.getString(index));
    }
}
