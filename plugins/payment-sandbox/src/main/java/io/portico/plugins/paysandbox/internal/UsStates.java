package io.portico.plugins.paysandbox.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The US states, DC and the territories with their postal codes, for billing and business addresses. */
final class UsStates {

    static final Map<String, String> ALL = all();

    private UsStates() {
    }

    static boolean valid(String code) {
        return code != null && ALL.containsKey(code);
    }

    private static Map<String, String> all() {
        String[] pairs = {"AL", "Alabama", "AK", "Alaska", "AS", "American Samoa", "AZ", "Arizona", "AR", "Arkansas",
            "CA", "California", "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia",
            "FL", "Florida", "GA", "Georgia", "GU", "Guam", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois",
            "IN", "Indiana", "IA", "Iowa", "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine",
            "MD", "Maryland", "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi",
            "MO", "Missouri", "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire",
            "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota",
            "MP", "Northern Mariana Islands", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania",
            "PR", "Puerto Rico", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota",
            "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont", "VI", "U.S. Virgin Islands",
            "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming"};
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            states.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(states);
    }
}
