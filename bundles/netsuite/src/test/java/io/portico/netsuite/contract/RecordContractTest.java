package io.portico.netsuite.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.RecordIdPage;
import io.portico.netsuite.RecordReadOptions;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.sandbox.NetSuiteSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST record API: read, list and page, create, update and upsert. */
class RecordContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetSuiteSandbox sandbox;
    private static DefaultNetSuiteClient client;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.builder().customers(23).invoicesPerCustomer(3).start();
        client = SandboxClients.tba(sandbox);
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void getReturnsTheRecordWithItsSublistsWhenExpanded() {
        String id = Long.toString(sandbox.data().invoiceId(0));
        ObjectNode expanded = client.getRecord("invoice", id, RecordReadOptions.expanded());
        assertEquals(id, expanded.get("id").asText());
        assertTrue(expanded.path("item").path("items").size() > 0, "item lines inline");

        ObjectNode bodyOnly = client.getRecord("invoice", id, RecordReadOptions.bodyOnly());
        assertFalse(bodyOnly.path("item").has("items"), "item sublist as a link only");

        ObjectNode someFields = client.getRecord("invoice", id, RecordReadOptions.fields("tranId", "total"));
        assertTrue(someFields.has("tranId") && someFields.has("total"));
        assertFalse(someFields.has("entity"));
    }

    @Test
    void aMissingRecordIsATypedNotFound() {
        NetSuiteException e = assertThrows(NetSuiteException.class,
                () -> client.getRecord("invoice", "999999999", RecordReadOptions.bodyOnly()));
        assertTrue(e.isNotFound());
        assertEquals("NONEXISTENT_ID", e.errorCode());
    }

    @Test
    void listsArePagedByLimitAndOffsetWhileHasMore() {
        List<String> expected = IntStream.range(0, sandbox.data().customerCount())
                .mapToObj(i -> Long.toString(sandbox.data().customerId(i))).toList();
        List<String> paged = new ArrayList<>();
        RecordIdPage page;
        int offset = 0;
        do {
            page = client.listRecordIds("customer", null, 5, offset);
            assertEquals(offset, page.offset());
            paged.addAll(page.ids());
            offset += 5;
        } while (page.hasMore());
        assertEquals(expected, paged);
        assertEquals(expected.size(), page.totalResults());

        List<String> iterated = new ArrayList<>();
        assertEquals(expected.size(), client.forEachRecordId("customer", null, iterated::add));
        assertEquals(expected, iterated);
    }

    @Test
    void theQFilterIsApplied() {
        long first = sandbox.data().customerId(0);
        long third = sandbox.data().customerId(2);
        RecordIdPage page = client.listRecordIds("customer", "id BETWEEN [" + first + ", " + third + "]", 1000, 0);
        assertEquals(List.of(Long.toString(first), Long.toString(sandbox.data().customerId(1)),
                Long.toString(third)), page.ids());
    }

    @Test
    void createReturnsTheNewIdAndPatchChangesOnlyTheGivenFields() {
        ObjectNode customer = JSON.createObjectNode()
                .put("companyName", "Contract Test Ltd")
                .put("email", "ap@contract.example");
        customer.putObject("subsidiary").put("id", "1");
        String id = client.createRecord("customer", customer);
        assertEquals("Contract Test Ltd", client.getRecord("customer", id, RecordReadOptions.bodyOnly())
                .get("companyName").asText());

        client.updateRecord("customer", id, JSON.createObjectNode().put("email", "billing@contract.example"));
        ObjectNode changed = client.getRecord("customer", id, RecordReadOptions.bodyOnly());
        assertEquals("billing@contract.example", changed.get("email").asText());
        assertEquals("Contract Test Ltd", changed.get("companyName").asText());
    }

    @Test
    void upsertByExternalIdCreatesOnceThenUpdates() {
        ObjectNode customer = JSON.createObjectNode().put("companyName", "Upsert Co");
        customer.putObject("subsidiary").put("id", "1");
        Optional<String> created = client.upsertRecord("customer", "PORTICO-UPSERT-1", customer);

        customer.put("companyName", "Upsert Co (renamed)");
        Optional<String> updated = client.upsertRecord("customer", "PORTICO-UPSERT-1", customer);

        long id = sandbox.data().idOfExternalId("customer", "PORTICO-UPSERT-1").orElseThrow();
        assertEquals(Optional.of(Long.toString(id)), created);
        assertEquals(created, updated);
        assertEquals("Upsert Co (renamed)", client.getRecord("customer", "eid:PORTICO-UPSERT-1",
                RecordReadOptions.bodyOnly()).get("companyName").asText());
        assertThrows(IllegalArgumentException.class, () -> client.upsertRecord("customer", "bad id/..", customer));
    }

    @Test
    void deleteRemovesTheRecordAndASecondDeleteIsNotFoundWhileARefusalCarriesNetSuitesMessage() {
        ObjectNode customer = JSON.createObjectNode().put("companyName", "Short-Lived Co");
        customer.putObject("subsidiary").put("id", "1");
        String id = client.createRecord("customer", customer);

        client.deleteRecord("customer", id);

        assertTrue(assertThrows(NetSuiteException.class, () -> client.getRecord("customer", id,
                RecordReadOptions.bodyOnly())).isNotFound());
        assertTrue(assertThrows(NetSuiteException.class, () -> client.deleteRecord("customer", id)).isNotFound());
        NetSuiteException refused = assertThrows(NetSuiteException.class, () -> client.deleteRecord("customer",
                Long.toString(sandbox.data().customerId(0))));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("dependent records"), refused.detail());
    }
}
