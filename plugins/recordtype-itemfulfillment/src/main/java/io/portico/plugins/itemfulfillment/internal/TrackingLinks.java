package io.portico.plugins.itemfulfillment.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The carrier's public tracking page for a tracking number, recognised from the ship method's name ("UPS Ground",
 * "FedEx 2Day", "USPS Priority Mail", "DHL Express Worldwide"); ship methods of other carriers get no link.
 */
final class TrackingLinks {

    private record Carrier(String name, Pattern shipMethod, String trackingPage) {
    }

    // Whole words, so that a ship method merely containing the letters (e.g. "Groups Freight") is not taken for one.
    private static final List<Carrier> CARRIERS = List.of(
            new Carrier("UPS", word("UPS"), "https://www.ups.com/track?tracknum="),
            new Carrier("FedEx", word("Fed ?Ex"), "https://www.fedex.com/fedextrack/?trknbr="),
            new Carrier("USPS", word("USPS"), "https://tools.usps.com/go/TrackConfirmAction?tLabels="),
            new Carrier("DHL", word("DHL"), "https://www.dhl.com/en/express/tracking.html?AWB="));

    private TrackingLinks() {
    }

    /** The carrier's name ("UPS", "FedEx", "USPS", "DHL") if the ship method names one of them. */
    static Optional<String> carrier(String shipMethod) {
        return find(shipMethod).map(Carrier::name);
    }

    /** The tracking page of the number, with the number URL-encoded; empty for a carrier not recognised. */
    static Optional<String> url(String shipMethod, String trackingNumber) {
        return find(shipMethod).map(c -> c.trackingPage()
                + URLEncoder.encode(trackingNumber.strip(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static Optional<Carrier> find(String shipMethod) {
        if (shipMethod == null) {
            return Optional.empty();
        }
        return CARRIERS.stream().filter(c -> c.shipMethod().matcher(shipMethod).find()).findFirst();
    }

    private static Pattern word(String regex) {
        return Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE);
    }
}
