package io.portico.plugins.customer.internal;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import io.portico.api.plugin.PluginName;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordFields;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.recordtype.SourceRow;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NetSuite customers. Each customer is kept as a portal organization of the operator (through {@link Organizations}:
 * name, email domain, billing address and state, currency, terms, balance, parent) and as an entity row, which owns
 * itself. An inactive or deleted customer's organization is archived: its users can no longer sign in, its records
 * stay.
 */
@Component(service = RecordType.class)
@PluginName(CustomerRecordType.NAME)
public final class CustomerRecordType implements RecordType {

    public static final String NAME = "customer";

    private static final SyncQuery QUERY = SyncQuery.builder("customer", "c")
            .select("c.entityid", "c.companyname", "c.entitytitle", "c.email", "c.phone", "c.parent",
                    "c.isinactive", "c.isperson", "c.balance", "cur.symbol AS currencycode", "c.terms",
                    "BUILTIN.DF(c.terms) AS termsname", "c.subsidiary", "BUILTIN.DF(c.subsidiary) AS subsidiaryname",
                    "c.externalid", "a.addressee", "a.addr1", "a.addr2", "a.city", "a.state", "a.zip", "a.country",
                    "a.addrtext")
            .join("LEFT JOIN currency cur ON cur.id = c.currency")
            .join("LEFT JOIN entityaddress a ON a.nkey = c.defaultbillingaddress")
            .subsidiary("c.subsidiary")
            .build();

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Customers", "customer",
            RecordCategory.ENTITY,
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Customer #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.EMAIL, "Email", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Balance", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS)),
            List.of(
                    new FieldDescriptor(RecordFields.NUMBER, "Customer #", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.EMAIL, "Email", FieldType.TEXT),
                    new FieldDescriptor("phone", "Phone", FieldType.TEXT),
                    new FieldDescriptor("billingAddress", "Billing address", FieldType.TEXT),
                    new FieldDescriptor("terms", "Terms", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.AMOUNT_REMAINING, "Balance", FieldType.MONEY),
                    new FieldDescriptor(RecordFields.CURRENCY, "Currency", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS)),
            5);

    private final Organizations organizations;

    @Activate
    public CustomerRecordType(@Reference Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public RecordTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public SyncQuery query() {
        return QUERY;
    }

    @Override
    public SyncedRecord map(SourceRow row, List<SourceRow> lines) {
        long id = row.requireLong(SyncQuery.ID);
        String name = firstPresent(row.getString("companyname"), row.getString("entitytitle"),
                row.getString("entityid"));
        if (name == null) {
            throw RecordMappingException.missing("companyname");
        }
        boolean inactive = Boolean.TRUE.equals(row.getBoolean("isinactive"));
        String email = row.getString("email");
        Map<String, Object> address = new LinkedHashMap<>();
        for (String field : List.of("addressee", "addr1", "addr2", "city", "state", "zip", "country")) {
            address.put(field, row.getString(field));
        }
        address.values().removeIf(v -> v == null);
        return SyncedRecord.builder(id)
                .owner(Long.toString(id))
                .number(row.getString("entityid"))
                .name(name.strip())
                .email(email)
                .status(inactive ? "inactive" : "active")
                .amountRemaining(row.getDecimal("balance"))
                .currency(row.getString("currencycode"))
                .attribute("entityId", row.getString("entityid"))
                .attribute("phone", row.getString("phone"))
                .attribute("parentId", row.getString("parent"))
                .attribute("isPerson", row.getBoolean("isperson"))
                .attribute("termsId", row.getString("terms"))
                .attribute("terms", row.getString("termsname"))
                .attribute("subsidiaryId", row.getString("subsidiary"))
                .attribute("subsidiary", row.getString("subsidiaryname"))
                .attribute("externalId", row.getString("externalid"))
                .attribute("billingAddressFields", address.isEmpty() ? null : address)
                .attribute("billingAddress", row.getString("addrtext"))
                .build();
    }

    /** Keeps the customer's organization in step; inactive customers' organizations are archived. */
    @Override
    public void beforeCommit(SyncedRecord record) {
        String id = Long.toString(record.netsuiteId());
        Map<String, Object> attributes = new LinkedHashMap<>(record.attributes());
        attributes.put("balance", record.amountRemaining());
        attributes.values().removeIf(v -> v == null);
        CustomerOrganization customer = new CustomerOrganization(id, record.name(), emailDomains(record.email()),
                record.status(), record.currency(), (String) record.attributes().get("parentId"), attributes);
        try {
            organizations.upsertCustomer(customer);
            if ("inactive".equals(record.status())) {
                organizations.archiveCustomer(id);
            }
        } catch (IllegalArgumentException e) {
            throw new RecordMappingException("the customer's organization was refused: " + e.getMessage());
        }
    }

    @Override
    public void beforeDelete(long netsuiteId) {
        organizations.archiveCustomer(Long.toString(netsuiteId));
    }

    /** The domain of the customer's email address, the one self-registration by domain matches. */
    static List<String> emailDomains(String email) {
        if (email == null) {
            return List.of();
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return List.of();
        }
        String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return domain.matches("[a-z0-9.-]+\\.[a-z]{2,}") ? List.of(domain) : List.of();
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
