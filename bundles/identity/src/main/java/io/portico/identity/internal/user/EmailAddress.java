package io.portico.identity.internal.user;

import io.portico.identity.internal.org.EmailDomains;
import java.util.Locale;
import java.util.regex.Pattern;

/** A syntactically plausible email address, trimmed, with its domain lower-cased. */
public record EmailAddress(String value) {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final int MAX = 254;

    /** @throws IllegalArgumentException when the text is not an email address */
    public static EmailAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        int at = s.lastIndexOf('@');
        if (s.isEmpty() || s.length() > MAX || at <= 0 || at == s.length() - 1) {
            throw new IllegalArgumentException("Enter a valid email address.");
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !EmailDomains.isValid(domain)) {
            throw new IllegalArgumentException("Enter a valid email address.");
        }
        return new EmailAddress(local + "@" + domain);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
