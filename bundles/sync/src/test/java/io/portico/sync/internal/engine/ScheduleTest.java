package io.portico.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant T = Instant.parse("2026-01-15T10:07:30Z");

    @Test
    void presetsFromFiveMinutesToWeekly() {
        assertEquals(Instant.parse("2026-01-15T10:10:00Z"), Schedule.parse("5m").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T10:15:00Z"), Schedule.parse("15m").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T10:30:00Z"), Schedule.parse("30m").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T11:00:00Z"), Schedule.parse("hourly").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T11:00:00Z"), Schedule.parse("@HOURLY").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T12:00:00Z"), Schedule.parse("6h").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-15T12:00:00Z"), Schedule.parse("12h").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-16T02:00:00Z"), Schedule.parse("daily").next(T).orElseThrow());
        assertEquals(Instant.parse("2026-01-18T03:00:00Z"), Schedule.parse("weekly").next(T).orElseThrow());
    }

    @Test
    void manualNeverRunsAndCronIsAccepted() {
        assertTrue(Schedule.parse("manual").next(T).isEmpty());
        assertEquals("manual", Schedule.parse(" Manual ").text());
        assertEquals(Instant.parse("2026-01-15T10:45:00Z"), Schedule.parse("45 10 * * *").next(T).orElseThrow());
        assertEquals("hourly", Schedule.parse("@hourly").text());
    }

    @Test
    void unknownSchedulesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.parse("often")).getMessage()
                .contains("preset"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("* * *"));
    }
}
