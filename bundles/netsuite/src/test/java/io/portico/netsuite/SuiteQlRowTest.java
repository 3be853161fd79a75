package io.portico.netsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuiteQlRowTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final AccountFormat US = AccountFormat.of("M/d/yyyy", PACIFIC);

    @Test
    void booleansAreTAndF() {
        SuiteQlRow row = row(US, "mainline", "T", "voided", "F", "posting", "true");
        assertEquals(Boolean.TRUE, row.getBoolean("mainline"));
        assertEquals(Boolean.FALSE, row.getBoolean("voided"));
        assertEquals(Boolean.TRUE, row.getBoolean("posting"));
        SuiteQlValueException e = assertThrows(SuiteQlValueException.class,
                () -> row(US, "mainline", "Y").getBoolean("mainline"));
        assertEquals("mainline", e.column());
        assertEquals("Y", e.rawValue());
        assertEquals("SuiteQL column 'mainline' holds 'Y', which is not a boolean (T or F)", e.getMessage());
    }

    @Test
    void decimalsAreExact() {
        SuiteQlRow row = row(US, "foreigntotal", "1234.50", "rate", ".5", "credit", "-0.01", "big", "1E+3");
        assertEquals(new BigDecimal("1234.50"), row.getDecimal("foreigntotal"));
        assertEquals(new BigDecimal("0.5"), row.getDecimal("rate"));
        assertEquals(new BigDecimal("-0.01"), row.getDecimal("credit"));
        assertEquals(0, new BigDecimal("1000").compareTo(row.getDecimal("big")));
        SuiteQlValueException e = assertThrows(SuiteQlValueException.class,
                () -> row(US, "amount", "12,50").getDecimal("amount"));
        assertTrue(e.getMessage().contains("'amount' holds '12,50'"), e.getMessage());
    }

    @Test
    void longsAreWholeNumbers() {
        assertEquals(2144L, row(US, "id", "2144").getLong("id"));
        assertEquals(-7L, row(US, "id", "-7").getLong("id"));
        assertThrows(SuiteQlValueException.class, () -> row(US, "id", "12.0").getLong("id"));
    }

    @Test
    void datesFollowTheAccountFormat() {
        assertEquals(LocalDate.of(2020, 5, 11), row(US, "trandate", "5/11/2020").getDate("trandate"));
        assertEquals(LocalDate.of(2020, 5, 11), row(US, "trandate", "2020-05-11").getDate("trandate"));

        AccountFormat european = AccountFormat.of("d.M.yyyy", PACIFIC);
        assertEquals(LocalDate.of(2020, 5, 11), row(european, "trandate", "11.5.2020").getDate("trandate"));
        AccountFormat monthNames = AccountFormat.of("d-MMM-yyyy", PACIFIC);
        assertEquals(LocalDate.of(2020, 5, 11), row(monthNames, "trandate", "11-May-2020").getDate("trandate"));
    }

    @Test
    void malformedDatesNameTheColumnTheValueAndTheFormat() {
        SuiteQlValueException notAtAll = assertThrows(SuiteQlValueException.class,
                () -> row(US, "duedate", "someday").getDate("duedate"));
        assertEquals("SuiteQL column 'duedate' holds 'someday', which is not a date in the account format "
                + "M/d/yyyy or yyyy-MM-dd", notAtAll.getMessage());
        assertThrows(SuiteQlValueException.class, () -> row(US, "duedate", "2/30/2020").getDate("duedate"));
        assertThrows(SuiteQlValueException.class, () -> row(US, "duedate", "11/5/2020 3:04 pm").getDate("duedate"));
    }

    @Test
    void dateTimesAreReadInTheAccountTimeZone() {
        SuiteQlRow row = row(US,
                "dateonly", "9/18/2025",
                "ampm", "9/18/2025 3:04 pm",
                "withseconds", "9/18/2025 3:04:05 PM",
                "twentyfour", "9/18/2025 15:04",
                "tochar", "2025-09-18 15:04:05",
                "iso", "2025-09-18T22:04:05Z");
        assertEquals(OffsetDateTime.parse("2025-09-18T00:00-07:00"), row.getDateTime("dateonly"));
        assertEquals(OffsetDateTime.parse("2025-09-18T15:04-07:00"), row.getDateTime("ampm"));
        assertEquals(OffsetDateTime.parse("2025-09-18T15:04:05-07:00"), row.getDateTime("withseconds"));
        assertEquals(OffsetDateTime.parse("2025-09-18T15:04-07:00"), row.getDateTime("twentyfour"));
        assertEquals(Instant.parse("2025-09-18T22:04:05Z"), row.getInstant("tochar"));
        assertEquals(Instant.parse("2025-09-18T22:04:05Z"), row.getInstant("iso"));
        SuiteQlValueException e = assertThrows(SuiteQlValueException.class,
                () -> row(US, "lastmodifieddate", "9/18/2025 25:00").getDateTime("lastmodifieddate"));
        assertEquals("lastmodifieddate", e.column());
    }

    @Test
    void omittedColumnsAreNullForEveryType() {
        SuiteQlRow row = row(US, "id", "1");
        assertFalse(row.has("memo"));
        assertNull(row.getString("memo"));
        assertNull(row.getDecimal("memo"));
        assertNull(row.getLong("memo"));
        assertNull(row.getBoolean("memo"));
        assertNull(row.getDate("memo"));
        assertNull(row.getDateTime("memo"));
        assertNull(row.getInstant("memo"));
    }

    @Test
    void columnNamesAreCaseInsensitive() {
        SuiteQlRow row = row(US, "tranid", "INV1001");
        assertTrue(row.has("TranId"));
        assertEquals("INV1001", row.getString("TRANID"));
        assertEquals(Set.of("tranid"), row.columns());
    }

    private static SuiteQlRow row(AccountFormat format, String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new SuiteQlRow(values, format);
    }
}
