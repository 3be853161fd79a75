package io.portico.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SuiteQL query paged by key instead of by offset, so it reads past NetSuite's 100,000-row offset cap: every page
 * is the first page of "the rows after the last row seen", so the template must filter on and order by its key.
 * <ul>
 * <li>{@link #byId}: {@code SELECT id, tranid FROM transaction WHERE id > :last ORDER BY id}; {@code :last} becomes
 * the previous page's last {@code id}.</li>
 * <li>{@link #byKey}: a composite key, each column's placeholder being {@code :last_<column>}; for lines of
 * transactions: {@code WHERE transaction >= :last_transaction AND (transaction > :last_transaction OR id > :last_id)
 * ORDER BY transaction, id}, or for a last-modified cursor a text column selected through {@code TO_CHAR} with
 * {@code id} breaking ties.</li>
 * </ul>
 * Key values are written into the SQL as literals: numbers are checked to be numbers and text is quoted, so a row's
 * value cannot change the query. Instances are immutable.
 */
public final class KeysetQuery {

    private static final Pattern LAST = Pattern.compile(":last\\b");
    private static final String PLACEHOLDER_PREFIX = ":last_";

    private final String template;
    private final List<KeysetKey> keys;
    private final int pageSize;

    private KeysetQuery(String template, List<KeysetKey> keys, int pageSize) {
        this.template = template;
        this.keys = keys;
        this.pageSize = pageSize;
    }

    /** Pages by the {@code id} column, which the rows must contain; the first page starts before every id. */
    public static KeysetQuery byId(String template) {
        return byId(template, Long.MIN_VALUE);
    }

    /** Pages by the {@code id} column; the first page starts after {@code startAfterId}. */
    public static KeysetQuery byId(String template, long startAfterId) {
        Objects.requireNonNull(template, "template");
        if (!LAST.matcher(template).find()) {
            throw new IllegalArgumentException("keyset query lacks the :last placeholder: " + template);
        }
        String general = LAST.matcher(template).replaceAll(Matcher.quoteReplacement(PLACEHOLDER_PREFIX + "id"));
        return byKey(general, KeysetKey.number("id", startAfterId));
    }

    /** Pages by the given key columns, most significant first; the rows must contain them all. */
    public static KeysetQuery byKey(String template, KeysetKey... keys) {
        Objects.requireNonNull(template, "template");
        if (keys.length == 0) {
            throw new IllegalArgumentException("a keyset query needs at least one key column");
        }
        for (KeysetKey key : keys) {
            if (!placeholder(key).matcher(template).find()) {
                throw new IllegalArgumentException("keyset query lacks the " + PLACEHOLDER_PREFIX + key.column()
                        + " placeholder: " + template);
            }
        }
        return new KeysetQuery(template, List.of(keys), NetSuiteClient.MAX_PAGE_SIZE);
    }

    /** Rows per request, 1 to 1000 (the default). */
    public KeysetQuery pageSize(int rows) {
        if (rows < 1 || rows > NetSuiteClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "page size must be 1 to " + NetSuiteClient.MAX_PAGE_SIZE + ", not " + rows);
        }
        return new KeysetQuery(template, keys, rows);
    }

    public int pageSize() {
        return pageSize;
    }

    /** The SuiteQL of the first page. */
    public String firstPage() {
        return render(keys.stream().map(KeysetKey::startAfter).toList());
    }

    /**
     * The SuiteQL of the page after the one that ended with {@code lastRow}.
     *
     * @throws IllegalStateException when the row lacks a key column
     * @throws SuiteQlValueException when a numeric key column holds something else
     */
    public String pageAfter(SuiteQlRow lastRow) {
        List<String> values = new ArrayList<>();
        for (KeysetKey key : keys) {
            if (!lastRow.has(key.column())) {
                throw new IllegalStateException("keyset paging needs the key column '" + key.column()
                        + "' in every row: " + lastRow);
            }
            values.add(key.numeric() ? lastRow.getLong(key.column()).toString() : lastRow.getString(key.column()));
        }
        return render(values);
    }

    private String render(List<String> values) {
        String sql = template;
        for (int i = 0; i < keys.size(); i++) {
            KeysetKey key = keys.get(i);
            sql = placeholder(key).matcher(sql).replaceAll(Matcher.quoteReplacement(key.literal(values.get(i))));
        }
        return sql;
    }

    private static Pattern placeholder(KeysetKey key) {
        return Pattern.compile(Pattern.quote(PLACEHOLDER_PREFIX + key.column().toLowerCase(Locale.ROOT)) + "\\b",
                Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String toString() {
        return "KeysetQuery[" + template + ", keys=" + keys + ", pageSize=" + pageSize + "]";
    }
}
