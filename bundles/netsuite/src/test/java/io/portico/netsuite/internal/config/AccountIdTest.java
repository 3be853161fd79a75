package io.portico.netsuite.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AccountIdTest {

    @Test
    void productionAccount() {
        AccountId id = AccountId.parse("123456");
        assertEquals("123456", id.realm());
        assertEquals(URI.create("https://123456.suitetalk.api.netsuite.com"), id.suiteTalkUri());
    }

    @Test
    void sandboxSpellingsMeanTheSameAccount() {
        for (String spelling : new String[] {"123456_SB1", "123456-sb1", "123456_sb1", " 123456-SB1 "}) {
            AccountId id = AccountId.parse(spelling);
            assertEquals("123456_SB1", id.realm(), spelling);
            assertEquals("123456-sb1", id.hostPrefix(), spelling);
            assertEquals(URI.create("https://123456-sb1.suitetalk.api.netsuite.com"), id.suiteTalkUri());
        }
    }

    @Test
    void developmentAccount() {
        AccountId id = AccountId.parse("TSTDRV1234567");
        assertEquals("TSTDRV1234567", id.realm());
        assertEquals("tstdrv1234567", id.hostPrefix());
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "123 456", "123456.evil.com/x", "123456_", null}) {
            assertThrows(IllegalArgumentException.class, () -> AccountId.parse(bad), String.valueOf(bad));
        }
    }
}
