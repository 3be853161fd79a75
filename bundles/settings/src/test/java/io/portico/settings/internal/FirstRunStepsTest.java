package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.records.FirstRunStep.State;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.NetSuiteAccount;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules by which the first-run steps of this bundle (NetSuite, branding) tick themselves. */
class FirstRunStepsTest {

    @Test
    void netSuiteIsDoneWhileTheClientHasAnAccount() {
        State connected = FirstRunNetSuite.state(Optional.of(new NetSuiteAccount("123456_SB1",
                URI.create("https://123456-sb1.suitetalk.api.netsuite.com"), AuthMethod.TBA, 5, 6)),
                Optional.empty());
        assertTrue(connected.done());
        assertEquals("Account 123456_SB1 is connected.", connected.detail());
        assertEquals("/admin/netsuite", connected.href());
        State broken = FirstRunNetSuite.state(Optional.empty(), Optional.of("The saved connection is not valid: x"));
        assertFalse(broken.done());
        assertEquals("The saved connection is not valid: x", broken.detail(), "why it is not connected");
        assertFalse(FirstRunNetSuite.state(Optional.empty(), Optional.empty()).done());
    }

    @Test
    void brandingIsDoneOnceSaved() {
        assertFalse(FirstRunBranding.state(false).done());
        assertTrue(FirstRunBranding.state(true).done());
        assertEquals("/admin/branding", FirstRunBranding.state(true).href());
    }
}
