package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

    private static ZonedDateTime next(String cron, String after) {
        return CronExpression.parse(cron).next(ZonedDateTime.parse(after)).orElseThrow();
    }

    @Test
    void everyMinuteAndSteps() {
        assertEquals(ZonedDateTime.parse("2026-01-15T10:01Z"), next("* * * * *", "2026-01-15T10:00:30Z"));
        assertEquals(ZonedDateTime.parse("2026-01-15T10:05Z"), next("*/5 * * * *", "2026-01-15T10:00Z"));
        assertEquals(ZonedDateTime.parse("2026-01-15T11:00Z"), next("*/5 * * * *", "2026-01-15T10:55Z"));
        assertEquals(ZonedDateTime.parse("2026-01-15T10:17Z"), next("2-59/15 * * * *", "2026-01-15T10:03Z"));
        assertEquals(ZonedDateTime.parse("2026-01-15T10:40Z"), next("10/30 * * * *", "2026-01-15T10:11Z"));
    }

    @Test
    void hoursDaysMonthsAndTheYearEnd() {
        assertEquals(ZonedDateTime.parse("2026-01-16T02:00Z"), next("0 2 * * *", "2026-01-15T02:00Z"));
        assertEquals(ZonedDateTime.parse("2027-01-01T00:00Z"), next("0 0 1 1 *", "2026-06-01T00:00Z"));
        assertEquals(ZonedDateTime.parse("2026-03-31T00:00Z"), next("0 0 31 * *", "2026-02-01T00:00Z"));
        assertEquals(ZonedDateTime.parse("2028-02-29T12:30Z"), next("30 12 29 2 *", "2026-03-01T00:00Z"));
        assertEquals(ZonedDateTime.parse("2026-07-01T09:00Z"), next("0 9 1 jul,dec *", "2026-01-15T00:00Z"));
    }

    @Test
    void weekdaysByNumberAndNameWithSundayAsZeroOrSeven() {
        // 2026-01-15 is a Thursday.
        assertEquals(ZonedDateTime.parse("2026-01-18T03:00Z"), next("0 3 * * 0", "2026-01-15T00:00Z"));
        assertEquals(ZonedDateTime.parse("2026-01-18T03:00Z"), next("0 3 * * 7", "2026-01-15T00:00Z"));
        assertEquals(ZonedDateTime.parse("2026-01-16T08:00Z"), next("0 8 * * MON-FRI", "2026-01-15T08:00Z"));
        assertEquals(ZonedDateTime.parse("2026-01-19T08:00Z"), next("0 8 * * mon-fri", "2026-01-16T08:00Z"));
    }

    @Test
    void restrictedDayOfMonthAndWeekMatchEither() {
        // The 20th (a Tuesday) or any Friday: Friday the 16th comes first.
        assertEquals(ZonedDateTime.parse("2026-01-16T00:00Z"), next("0 0 20 * FRI", "2026-01-15T00:00Z"));
        assertEquals(ZonedDateTime.parse("2026-01-20T00:00Z"), next("0 0 20 * FRI", "2026-01-16T00:00Z"));
    }

    @Test
    void badExpressionsAreRefusedWithTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * *"))
                .getMessage().contains("5 fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("60 * * * *"))
                .getMessage().contains("minute"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* 5-1 * * *"))
                .getMessage().contains("backwards"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * FOO *"))
                .getMessage().contains("month"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 30 2 *"))
                .getMessage().contains("never fires"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("1,,2 * * * *"));
    }
}
