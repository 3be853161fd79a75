package io.portico.api.mail;

import java.util.Map;

/**
 * An email to send, written as two FreeMarker templates next to {@code templateOwner}: {@code <template>.txt.ftl}
 * for the plain-text part and {@code <template>.html.ftlh} for the HTML part, which the mail bundle wraps in the
 * operator's branded email layout.
 *
 * @param to the recipient's address
 * @param subject the subject line (plain text; the portal's name is not added)
 * @param templateOwner a class of the sending bundle, whose package holds the templates
 * @param template the templates' base name, e.g. {@code invitation}
 * @param model the templates' variables; {@code brand} is added
 */
public record Email(String to, String subject, Class<?> templateOwner, String template, Map<String, ?> model) {

    public Email {
        model = Map.copyOf(model);
    }
}
