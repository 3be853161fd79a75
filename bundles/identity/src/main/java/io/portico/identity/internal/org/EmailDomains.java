package io.portico.identity.internal.org;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Mail domains: their syntax, and whether a domain belongs to a public mail service (which never matches). */
public final class EmailDomains {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final int MAX_DOMAINS = 50;
    private static final Set<String> PUBLIC = load("public-mail-domains.txt");

    private EmailDomains() {
    }

    /** Lower-cases, trims and de-duplicates; rejects malformed domains. */
    public static List<String> normalise(Collection<String> domains) {
        if (domains.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException("at most " + MAX_DOMAINS + " email domains");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String domain : domains) {
            String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
            if (!isValid(d)) {
                throw new IllegalArgumentException("not a mail domain: '" + domain + "'");
            }
            result.add(d);
        }
        return List.copyOf(result);
    }

    public static boolean isValid(String domain) {
        return domain != null && DOMAIN.matcher(domain).matches();
    }

    /** Whether anyone can get an address at this domain (gmail.com and the like), so it proves no affiliation. */
    public static boolean isPublic(String domain) {
        return PUBLIC.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = EmailDomains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
