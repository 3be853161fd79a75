package io.portico.netsuite.internal.config;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NetSuite account id in its two spellings: the OAuth realm ({@code 123456_SB1}, upper case, underscore) and the
 * host prefix ({@code 123456-sb1}, lower case, hyphen).
 */
public record AccountId(String realm, String hostPrefix) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9]+)(?:[_-]([A-Za-z]+[0-9]*))?");

    /** Reads {@code 123456}, {@code 123456_SB1}, {@code 123456-sb1} or {@code TSTDRV123456}. */
    public static AccountId parse(String configured) {
        String trimmed = configured == null ? "" : configured.trim();
        Matcher form = FORM.matcher(trimmed);
        if (!form.matches()) {
            throw new IllegalArgumentException("accountId '" + configured
                    + "' is not a NetSuite account id such as 123456 or 123456_SB1");
        }
        String suffix = form.group(2);
        String realm = form.group(1) + (suffix == null ? "" : "_" + suffix);
        return new AccountId(realm.toUpperCase(Locale.ROOT), realm.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** {@code https://<host prefix>.suitetalk.api.netsuite.com}. */
    public URI suiteTalkUri() {
        return URI.create("https://" + hostPrefix + ".suitetalk.api.netsuite.com");
    }

    /** {@code https://<host prefix>.restlets.api.netsuite.com}, where the account's RESTlets are deployed. */
    public URI restletUri() {
        return URI.create("https://" + hostPrefix + ".restlets.api.netsuite.com");
    }

    @Override
    public String toString() {
        return realm;
    }
}
