package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.identity.Access;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.fieldmap.FieldMapper;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Navigation;
import io.portico.api.web.Navigation.Entry;
import io.portico.api.web.ProblemException;
import io.portico.api.web.SidebarLayout;
import io.portico.api.web.SidebarLayout.Placement;
import io.portico.testing.TestRecordTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sidebar as Settings &gt; Sidebar arranges it: order, labels, icons, hidden types, plugins placed later. */
class PortalRecordTypesTest {

    private final Map<String, RecordType> types = new java.util.TreeMap<>(Map.of(
            "invoice", type("Invoices", 10), "salesorder", type("Sales orders", 20),
            "creditmemo", type("Credit memos", 50), "customer", entity()));
    private final List<Placement> placements = new ArrayList<>();
    private final List<FieldMapper> mappers = new ArrayList<>();
    private final PortalRecordTypes portal = new PortalRecordTypes(TestRecordTypes.registry(types), () -> placements,
            mappers);

    @Test
    void withoutPlacementsTheDescriptorsOrderAndTheDefaultIcons() {
        assertEquals(List.of(new Entry("Dashboard", "/dashboard", "layout-dashboard"),
                new Entry("Invoices", "/records/invoice", "receipt"),
                new Entry("Sales orders", "/records/salesorder", "shopping-cart"),
                new Entry("Credit memos", "/records/creditmemo", "file-minus-2")), portal.entries(user(Map.of())));
    }

    @Test
    void theOperatorsOrderLabelsAndIconsAndAPluginNotPlacedYetAtTheEnd() {
        placements.addAll(List.of(new Placement("creditmemo", "Credits", "wallet", false),
                new Placement("invoice", null, null, false), new Placement(SidebarLayout.DASHBOARD, "Home", null,
                        false)));
        assertEquals(List.of(new Entry("Credits", "/records/creditmemo", "wallet"),
                new Entry("Invoices", "/records/invoice", "receipt"),
                new Entry("Home", "/dashboard", "layout-dashboard"),
                new Entry("Sales orders", "/records/salesorder", "shopping-cart")), portal.entries(user(Map.of())));
        assertEquals("Credits", portal.require(user(Map.of()), "creditmemo").descriptor().label(),
                "the pages' titles follow the label");
    }

    @Test
    void aHiddenTypeIsGoneForEveryoneAndItsPagesAre404AndRoleAccessNarrowsFurther() {
        placements.add(new Placement("salesorder", null, null, true));
        PortalUser customer = user(Map.of());
        assertEquals(List.of("/dashboard", "/records/invoice", "/records/creditmemo"),
                portal.entries(customer).stream().map(Entry::href).toList());
        assertEquals(404, assertThrows(ProblemException.class, () -> portal.require(customer, "salesorder"))
                .status());
        assertEquals(404, assertThrows(ProblemException.class, () -> portal.require(customer, "customer")).status(),
                "as a type without portal pages");
        PortalUser noInvoices = user(Map.of("invoice", Access.NONE));
        assertEquals(List.of("/dashboard", "/records/creditmemo"),
                portal.entries(noInvoices).stream().map(Entry::href).toList());
    }

    @Test
    void partsNotPlacedFollowTheRecordTypesPlacedOnesTakeTheOperatorsPositionLabelAndIcon() {
        portal.addPart(user -> user.canView("invoice") ? List.of(new Entry("Statement", "/statement", "file-text"))
                : List.of(), part(SidebarLayout.STATEMENT, "Statement"));
        portal.addPart(user -> List.of(new Entry("Documents", "/attachments", "files")),
                part(SidebarLayout.DOCUMENTS, "Documents"));
        portal.addPart(user -> List.of(new Entry("Help", "/help", null)), Map.of(Navigation.PART, true));
        assertEquals(List.of("/dashboard", "/records/invoice", "/records/salesorder", "/records/creditmemo",
                "/statement", "/attachments", "/help"), hrefs(user(Map.of())));

        placements.addAll(List.of(new Placement(SidebarLayout.DOCUMENTS, "Files", "folder", false),
                new Placement("invoice", null, null, false), new Placement(SidebarLayout.STATEMENT, null, null,
                        false), new Placement(SidebarLayout.DASHBOARD, null, null, false)));
        assertEquals(List.of(new Entry("Files", "/attachments", "folder"),
                new Entry("Invoices", "/records/invoice", "receipt"),
                new Entry("Statement", "/statement", "file-text"),
                new Entry("Dashboard", "/dashboard", "layout-dashboard"),
                new Entry("Sales orders", "/records/salesorder", "shopping-cart"),
                new Entry("Credit memos", "/records/creditmemo", "file-minus-2"),
                new Entry("Help", "/help", null)), portal.entries(user(Map.of())));
        assertEquals(List.of("/attachments", "/dashboard", "/records/salesorder", "/records/creditmemo", "/help"),
                hrefs(user(Map.of("invoice", Access.NONE))), "the statement's own rule still applies");
    }

    @Test
    void aHiddenPartIsGoneForEveryoneAndAStoppedOneDisappears() {
        Navigation documents = user -> List.of(new Entry("Documents", "/attachments", "files"));
        portal.addPart(documents, part(SidebarLayout.DOCUMENTS, "Documents"));
        placements.add(new Placement(SidebarLayout.DOCUMENTS, "Files", null, true));
        assertEquals(List.of("/dashboard", "/records/invoice", "/records/salesorder", "/records/creditmemo"),
                hrefs(user(Map.of())));
        placements.clear();
        portal.removePart(documents);
        assertEquals(List.of("/dashboard", "/records/invoice", "/records/salesorder", "/records/creditmemo"),
                hrefs(user(Map.of())));
    }

    @Test
    void fieldMappersRelabelHideAndReorderInRankingOrder() {
        FieldMapper partner = new FieldMapper() {
            @Override
            public String label(String recordType, String fieldKey, String label) {
                return "invoice".equals(recordType) && "tranId".equals(fieldKey) ? "Invoice #" : label;
            }

            @Override
            public List<String> listColumns(String recordType, List<String> keys) {
                List<String> reversed = new ArrayList<>(keys);
                java.util.Collections.reverse(reversed);
                return reversed;
            }
        };
        FieldMapper higher = new FieldMapper() {
            @Override
            public String label(String recordType, String fieldKey, String label) {
                return label.equals("Invoice #") ? "Invoice no." : label;
            }

            @Override
            public boolean visible(String recordType, String fieldKey) {
                return !"memo".equals(fieldKey);
            }
        };
        mappers.addAll(List.of(partner, higher));
        RecordTypeDescriptor mapped = portal.require(user(Map.of()), "invoice").descriptor();
        assertEquals(List.of(new FieldDescriptor("total", "Total", FieldType.MONEY),
                new FieldDescriptor("tranId", "Invoice no.", FieldType.TEXT)), mapped.listColumns());
        assertEquals(List.of(new FieldDescriptor("tranId", "Invoice no.", FieldType.TEXT)), mapped.detailFields());
    }

    @Test
    void aMappedFieldKeepsTheTypeItsListOrDetailPageGivesIt() {
        types.put("itemfulfillment", TestRecordTypes.type(new RecordTypeDescriptor("Shipments", "x",
                RecordCategory.TRANSACTION, List.of(new FieldDescriptor("trackingNumbers", "Tracking", FieldType.TEXT)),
                List.of(new FieldDescriptor("trackingNumbers", "Tracking", FieldType.LINKS)), 30)));
        mappers.add(new FieldMapper() {
        });
        RecordTypeDescriptor mapped = portal.require(user(Map.of()), "itemfulfillment").descriptor();
        assertEquals(List.of(new FieldDescriptor("trackingNumbers", "Tracking", FieldType.TEXT)), mapped.listColumns());
        assertEquals(List.of(new FieldDescriptor("trackingNumbers", "Tracking", FieldType.LINKS)),
                mapped.detailFields(), "the carrier's links on the shipment's page");
    }

    @Test
    void valueMapsAddUpInRankingOrderAndTheHigherOverrides() {
        FieldMapper partner = new FieldMapper() {
            @Override
            public Map<String, String> valueMap(String recordType, String fieldKey, Map<String, String> values) {
                return "status".equals(fieldKey) ? Map.of("A", "Approved", "B", "Paid") : values;
            }
        };
        FieldMapper higher = new FieldMapper() {
            @Override
            public Map<String, String> valueMap(String recordType, String fieldKey, Map<String, String> values) {
                Map<String, String> mine = new java.util.HashMap<>(values);
                mine.put("B", "Paid in full");
                return mine;
            }
        };
        assertEquals(Map.of(), portal.valueMap("invoice", "status"), "no mapper, no map");
        mappers.addAll(List.of(partner, higher));
        assertEquals(Map.of("A", "Approved", "B", "Paid in full"), portal.valueMap("invoice", "status"));
        assertEquals("Approved", portal.display("invoice", "status", "A"));
        assertEquals("C", portal.display("invoice", "status", "C"), "an unmapped value shows as it is");
        assertEquals(Map.of("B", "Paid in full"), portal.valueMap("invoice", "memo"));
    }

    private List<String> hrefs(PortalUser user) {
        return portal.entries(user).stream().map(Entry::href).toList();
    }

    private static Map<String, Object> part(String key, String label) {
        return Map.of(Navigation.PART, true, Navigation.PART_KEY, key, Navigation.PART_LABEL, label);
    }

    private static PortalUser user(Map<String, Access> access) {
        return new PortalUser(1, "ann@acme.example", "Ann", 1, 2, "Acme", OrganizationKind.CUSTOMER, Role.ADMIN,
                access, null);
    }

    private static RecordType type(String label, int order) {
        return TestRecordTypes.type(new RecordTypeDescriptor(label, "x", RecordCategory.TRANSACTION, List.of(
                new FieldDescriptor("tranId", "Number", FieldType.TEXT), new FieldDescriptor("memo", "Memo",
                        FieldType.TEXT), new FieldDescriptor("total", "Total", FieldType.MONEY)),
                List.of(new FieldDescriptor("tranId", "Number", FieldType.TEXT), new FieldDescriptor("memo", "Memo",
                        FieldType.TEXT)), order));
    }

    private static RecordType entity() {
        return TestRecordTypes.type(new RecordTypeDescriptor("Customers", "customer", RecordCategory.ENTITY, List.of(),
                List.of(), 1));
    }
}
