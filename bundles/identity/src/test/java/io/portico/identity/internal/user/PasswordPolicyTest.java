package io.portico.identity.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void lengthCommonnessAndTheEmailDecide() {
        assertTrue(PasswordPolicy.problem("short", "a@b.example").orElseThrow().contains("at least 12"));
        assertTrue(PasswordPolicy.problem("x".repeat(129), null).orElseThrow().contains("at most 128"));
        assertTrue(PasswordPolicy.problem("Password1234", null).orElseThrow().contains("too easy"));
        assertTrue(PasswordPolicy.problem("aaaaaaaaaaaabbb", null).orElseThrow().contains("too easy"));
        assertTrue(PasswordPolicy.problem("annabelle-2026!", "annabelle@acme.example").orElseThrow()
                .contains("email"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("correct horse battery", "ann@acme.example"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("🦄🦄🦄🦄 unicorns here", null),
                "counts characters");
    }

    @Test
    void emailAddressesAreCheckedAndTheirDomainLowerCased() {
        assertEquals("Ann.Lee@acme.example", EmailAddress.parse(" Ann.Lee@ACME.example ").value());
        assertEquals("acme.example", EmailAddress.parse("a@Acme.Example").domain());
        for (String bad : new String[] {"", "@acme.example", "ann@", "ann", "a..b@acme.example", "a b@acme.example",
            "ann@acme", "ann@-acme.example", "x".repeat(250) + "@acme.example"}) {
            try {
                EmailAddress.parse(bad);
                throw new AssertionError("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertEquals("Enter a valid email address.", expected.getMessage());
            }
        }
    }
}
