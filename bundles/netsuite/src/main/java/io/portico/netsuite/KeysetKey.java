package io.portico.netsuite;

import java.util.Objects;

/**
 * One column of a {@link KeysetQuery}'s key, as the rows name it, and where the first page starts.
 *
 * @param column the column (or alias) in the result rows
 * @param numeric whether values are whole numbers (written as numbers) rather than text (written quoted)
 * @param startAfter the first page's lower bound, exclusive
 */
public record KeysetKey(String column, boolean numeric, String startAfter) {

    public KeysetKey {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(startAfter, "startAfter");
        if (numeric) {
            Long.parseLong(startAfter); // rejects anything but a whole number before it can reach the SQL
        }
    }

    /** A whole-number column such as an internal id; the first page starts before every value. */
    public static KeysetKey number(String column) {
        return number(column, Long.MIN_VALUE);
    }

    public static KeysetKey number(String column, long startAfter) {
        return new KeysetKey(column, true, Long.toString(startAfter));
    }

    /** A text column in a sortable form, e.g. a date selected through {@code TO_CHAR(..., 'YYYY-MM-DD HH24:MI:SS')}. */
    public static KeysetKey text(String column, String startAfter) {
        return new KeysetKey(column, false, startAfter);
    }

    /** The SQL literal of a value of this column; numeric values have been checked to be whole numbers. */
    String literal(String value) {
        return numeric ? value : "'" + value.replace("'", "''") + "'";
    }
}
