package io.portico.identity.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.records.FirstRunStep.State;
import org.junit.jupiter.api.Test;

/** "Invite the first customers" ticks itself once a customer user joined or an invitation is open. */
class FirstRunCustomersTest {

    @Test
    void doneOnceACustomerIsInvitedOrHasJoined() {
        assertFalse(FirstRunCustomers.state(0, 0).done());
        State invited = FirstRunCustomers.state(0, 2);
        assertTrue(invited.done());
        assertEquals("2 invitations are on the way; no customer has joined yet.", invited.detail());
        State joined = FirstRunCustomers.state(1, 0);
        assertTrue(joined.done());
        assertEquals("1 customer user has joined.", joined.detail());
        assertEquals("/admin/organizations", joined.href());
    }
}
