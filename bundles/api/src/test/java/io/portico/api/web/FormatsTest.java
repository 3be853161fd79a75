package io.portico.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.recordtype.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant PARIS_SPRING_FORWARD = Instant.parse("2026-03-29T00:30:00Z");

    @Test
    void aMomentShowsOnTheReadersClockWithItsZone() {
        List<Locale> british = List.of(Locale.UK);
        assertEquals("29 Mar 2026, 00:30 UTC", new Formats(british, ZoneId.of("UTC")).dateTime(PARIS_SPRING_FORWARD));
        assertEquals("29 Mar 2026, 01:30 CET", paris(british).dateTime(PARIS_SPRING_FORWARD));
        assertEquals("29 Mar 2026, 03:30 CEST", paris(british).dateTime(PARIS_SPRING_FORWARD.plusSeconds(3600)),
                "an hour later the clocks have gone forward");
        assertEquals("29 Mar 2026, 06:00 IST", new Formats(british, ZoneId.of("Asia/Kolkata"))
                .dateTime(PARIS_SPRING_FORWARD));
        assertEquals("29.03.2026, 01:30 MEZ", paris(List.of(Locale.GERMANY)).dateTime(PARIS_SPRING_FORWARD),
                "in the reader's language");
        assertEquals("", paris(british).dateTime(null));
    }

    @Test
    void aCalendarDateIsTheSameDayInEveryZone() {
        LocalDate due = LocalDate.of(2026, 3, 29);
        for (String zone : List.of("Pacific/Kiritimati", "UTC", "Pacific/Pago_Pago")) {
            Formats formats = new Formats(List.of(Locale.UK), ZoneId.of(zone));
            assertEquals("29 Mar 2026", formats.date(due), zone);
            assertEquals("29 Mar 2026", formats.value(due, FieldType.DATE, null), zone);
            assertEquals("29 Mar 2026", formats.value("2026-03-29", FieldType.DATE, null), zone);
        }
    }

    @Test
    void aFieldsMomentShowsInTheZoneAndItsDayIsTheReadersDay() {
        Formats newYork = new Formats(List.of(Locale.UK), ZoneId.of("America/New_York"));
        assertEquals("28 Mar 2026, 20:30 GMT-04:00", newYork.value(PARIS_SPRING_FORWARD, FieldType.DATETIME, null));
        assertEquals("28 Mar 2026, 20:30 GMT-04:00",
                newYork.value("2026-03-29T00:30:00Z", FieldType.DATETIME, null), "as JSON attributes hold them");
        assertEquals("28 Mar 2026", newYork.value(PARIS_SPRING_FORWARD, FieldType.DATE, null));
        assertEquals("soon", newYork.value("soon", FieldType.DATETIME, null), "text that is no moment stays text");
    }

    @Test
    void aReaderWithoutAZoneReadsUtcAndTheLanguageComesFromAcceptLanguage() {
        PortalUser unset = user(null);
        Formats formats = Formats.forReader(List.of(new Locale("*"), Locale.GERMANY), unset);
        assertEquals("UTC", formats.zone().getId());
        assertEquals("29.03.2026, 00:30 UTC", formats.dateTime(PARIS_SPRING_FORWARD));
        assertEquals(Locale.GERMANY, formats.locale());
        assertEquals("1.234,50 €", formats.money(new BigDecimal("1234.50"), "EUR").replace('\u00a0', ' '));
        assertEquals(ZoneId.of("Asia/Tokyo"), Formats.forReader(List.of(), user(ZoneId.of("Asia/Tokyo"))).zone());
        assertEquals(Locale.US, Formats.forReader(List.of(), null).locale());
    }

    @Test
    void eachAmountKeepsItsOwnCurrencyWhenOnePageShowsSeveral() {
        Formats formats = new Formats(List.of(Locale.US), null);
        for (int round = 0; round < 2; round++) {
            assertEquals("$1,234.50", formats.money(new BigDecimal("1234.50"), "USD"));
            assertEquals("€7.00", formats.money(new BigDecimal("7"), "EUR"));
            assertEquals("12.00 XQZ", formats.money(new BigDecimal("12"), "XQZ"), "an unknown currency's code follows");
            assertEquals("12.00", formats.money(new BigDecimal("12"), null));
            assertEquals("", formats.money(null, "USD"));
            assertEquals("1,234.5", formats.number(new BigDecimal("1234.5")));
        }
    }

    @Test
    void zoneNamesAreIanaNamesAndAnythingElseIsNone() {
        assertEquals(ZoneId.of("Europe/Paris"), Formats.zone(" Europe/Paris "));
        assertNull(Formats.zone("Mars/Olympus_Mons"));
        assertNull(Formats.zone(""));
        assertNull(Formats.zone(null));
        assertTrue(Formats.zone("UTC") != null);
    }

    private static Formats paris(List<Locale> locales) {
        return new Formats(locales, ZoneId.of("Europe/Paris"));
    }

    private static PortalUser user(ZoneId zone) {
        return new PortalUser(1, "ann@example.test", "Ann", 1, 2, "Acme", OrganizationKind.CUSTOMER, Role.MEMBER,
                Map.of(), AuthMethod.PASSWORD, zone);
    }
}
