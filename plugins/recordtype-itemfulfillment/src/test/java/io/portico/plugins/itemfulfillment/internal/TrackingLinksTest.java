package io.portico.plugins.itemfulfillment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingLinksTest {

    @Test
    void eachRecognisedCarrierLinksToItsTrackingPage() {
        assertEquals(Optional.of("https://www.ups.com/track?tracknum=1Z999AA10123456784"),
                TrackingLinks.url("UPS Ground", "1Z999AA10123456784"));
        assertEquals(Optional.of("https://www.fedex.com/fedextrack/?trknbr=123456789012"),
                TrackingLinks.url("FedEx 2Day", "123456789012"));
        assertEquals(Optional.of("https://tools.usps.com/go/TrackConfirmAction?tLabels=9405511899223197428490"),
                TrackingLinks.url("USPS Priority Mail", "9405511899223197428490"));
        assertEquals(Optional.of("https://www.dhl.com/en/express/tracking.html?AWB=1234567890"),
                TrackingLinks.url("DHL Express Worldwide", "1234567890"));
    }

    @Test
    void theCarrierIsFoundAsAWordInAnyCase() {
        assertEquals(Optional.of("UPS"), TrackingLinks.carrier("ups next day air"));
        assertEquals(Optional.of("FedEx"), TrackingLinks.carrier("Fed Ex Ground"));
        assertEquals(Optional.of("USPS"), TrackingLinks.carrier("Priority Mail (USPS)"));
        assertEquals(Optional.of("DHL"), TrackingLinks.carrier("Express - DHL"));
        assertEquals(Optional.empty(), TrackingLinks.carrier("Groups Freight"), "letters inside a word are no carrier");
        assertEquals(Optional.empty(), TrackingLinks.carrier("DHLX Logistics"));
    }

    @Test
    void unknownCarriersAndMissingShipMethodsGetNoLink() {
        assertEquals(Optional.empty(), TrackingLinks.url("Metro Courier Same Day", "MC-1234567"));
        assertEquals(Optional.empty(), TrackingLinks.url("R+L Carriers LTL Freight", "PRO 123456789"));
        assertEquals(Optional.empty(), TrackingLinks.url(null, "1Z999AA10123456784"));
        assertEquals(Optional.empty(), TrackingLinks.carrier(null));
    }

    @Test
    void theNumberIsUrlEncoded() {
        assertEquals(Optional.of("https://www.ups.com/track?tracknum=1Z%20999%26x%3D1%2F%C3%A9"),
                TrackingLinks.url("UPS Ground", " 1Z 999&x=1/é "));
        assertEquals(Optional.of("https://www.dhl.com/en/express/tracking.html?AWB=%3Cscript%3E"),
                TrackingLinks.url("DHL Express Worldwide", "<script>"));
    }
}
