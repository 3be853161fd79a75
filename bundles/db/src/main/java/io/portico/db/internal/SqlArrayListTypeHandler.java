package io.portico.db.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * A PostgreSQL array column as a {@code List}; an SQL {@code NULL} reads as an empty list. One subclass per element
 * type, so that mapper XML can name each by its alias ({@code textList}, {@code longList}, {@code decimalList}).
 */
abstract class SqlArrayListTypeHandler<T> extends BaseTypeHandler<List<T>> {

    private final String elementType;
    private final Function<Object, T> element;

    SqlArrayListTypeHandler(String elementType, Function<Object, T> element) {
        this.elementType = elementType;
        this.element = element;
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<T> values, JdbcType jdbcType)
            throws SQLException {
        ps.setArray(i, ps.getConnection().createArrayOf(elementType, values.toArray()));
    }

    @Override
    public List<T> getNullableResult(ResultSet rs, String column) throws SQLException {
        return list(rs.getArray(column));
    }

    @Override
    public List<T> getNullableResult(ResultSet rs, int index) throws SQLException {
        return list(rs.getArray(index));
    }

    @Override
    public List<T> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return list(cs.getArray(index));
    }

    private List<T> list(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(value -> value == null ? null : element.apply(value)).toList();
        } finally {
            array.free();
        }
    }

    /** {@code text[]} as {@code List<String>}. */
    public static final class TextList extends SqlArrayListTypeHandler<String> {
        public TextList() {
            super("text", String::valueOf);
        }
    }

    /** {@code bigint[]} as {@code List<Long>}. */
    public static final class LongList extends SqlArrayListTypeHandler<Long> {
        public LongList() {
            super("bigint", value -> ((Number) value).longValue());
        }
    }

    /** {@code numeric[]} as {@code List<BigDecimal>}. */
    public static final class DecimalList extends SqlArrayListTypeHandler<BigDecimal> {
        public DecimalList() {
            super("numeric", value -> (BigDecimal) value);
        }
    }
}
