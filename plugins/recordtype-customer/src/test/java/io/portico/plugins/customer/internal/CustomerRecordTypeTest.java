package io.portico.plugins.customer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import io.portico.api.recordtype.MapRow;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SyncedRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerRecordTypeTest {

    private final List<Object> calls = new ArrayList<>();
    private final CustomerRecordType customers = new CustomerRecordType(new Organizations() {
        @Override
        public Organization upsertCustomer(CustomerOrganization customer) {
            if (customer.name().length() > 300) {
                throw new IllegalArgumentException("name is longer than 300 characters");
            }
            calls.add(customer);
            return null;
        }

        @Override
        public boolean archiveCustomer(String netsuiteId) {
            calls.add("archive " + netsuiteId);
            return true;
        }

        @Override
        public Optional<Organization> find(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<Organization> findCustomer(String netsuiteId) {
            return Optional.empty();
        }

        @Override
        public Organization operator() {
            return null;
        }

        @Override
        public List<Organization> customers(String nameContains, boolean includeArchived, int offset, int limit) {
            return List.of();
        }

        @Override
        public void linkContact(ContactLink link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unlinkContact(String contactNetsuiteId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isLinkableEmail(String email) {
            throw new UnsupportedOperationException();
        }
    });

    @Test
    void aCustomerBecomesAnOrganizationThatOwnsItself() {
        SyncedRecord r = customers.map(new MapRow("id", "1004", "entityid", "C10003", "companyname",
                "Cedar Builders Partners", "email", "Billing@CedarBuilders.com", "parent", "1001", "isinactive", "F",
                "balance", "21963.70", "currencycode", "USD", "termsname", "Net 60", "addr1", "6954 Market St",
                "city", "Denver", "state", "CO", "zip", "80202", "country", "US", "addrtext", "Cedar\n6954 Market St"),
                List.of());
        assertEquals("1004", r.owner());
        assertEquals("active", r.status());
        assertEquals(new BigDecimal("21963.70"), r.amountRemaining());
        assertEquals(Map.of("addr1", "6954 Market St", "city", "Denver", "state", "CO", "zip", "80202",
                "country", "US"), r.attributes().get("billingAddressFields"));
        customers.beforeCommit(r);
        CustomerOrganization org = (CustomerOrganization) calls.get(0);
        assertEquals("1004", org.netsuiteId());
        assertEquals("Cedar Builders Partners", org.name());
        assertEquals(List.of("cedarbuilders.com"), org.emailDomains());
        assertEquals("1001", org.parentNetsuiteId());
        assertEquals("USD", org.currency());
        assertEquals("Net 60", org.attributes().get("terms"));
        assertEquals(new BigDecimal("21963.70"), org.attributes().get("balance"));
        assertEquals(1, calls.size());
    }

    @Test
    void inactiveAndDeletedCustomersAreArchivedAndRefusalsFailTheRecord() {
        SyncedRecord inactive = customers.map(new MapRow("id", "7", "companyname", "Old Co", "isinactive", "T"),
                List.of());
        customers.beforeCommit(inactive);
        assertEquals("archive 7", calls.get(1));
        customers.beforeDelete(8);
        assertEquals("archive 8", calls.get(2));
        SyncedRecord longName = customers.map(new MapRow("id", "9", "companyname", "n".repeat(400)), List.of());
        assertThrows(RecordMappingException.class, () -> customers.beforeCommit(longName));
        assertThrows(RecordMappingException.class, () -> customers.map(new MapRow("id", "10"), List.of()));
        assertEquals(List.of(), CustomerRecordType.emailDomains("not-an-address"));
    }
}
