package io.portico.db.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A {@code jsonb} column as a {@code Map} (alias {@code jsonMap}); an SQL {@code NULL} reads as an empty map. Write it
 * with {@code CAST(#{value, typeHandler=jsonMap} AS jsonb)}.
 */
public final class JsonMapTypeHandler extends BaseTypeHandler<Map<String, Object>> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Map<String, Object> value, JdbcType jdbcType)
            throws SQLException {
        try {
            ps.setString(i, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new SQLException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Map<String, Object> getNullableResult(ResultSet rs, String column) throws SQLException {
        return read(rs.getString(column));
    }

    @Override
    public Map<String, Object> getNullableResult(ResultSet rs, int index) throws SQLException {
        return read(rs.getString(index));
    }

    @Override
    public Map<String, Object> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return read(cs.getString(index));
    }

    private static Map<String, Object> read(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("a jsonb column does not hold a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
