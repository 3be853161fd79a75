package io.portico.plugins.contact.internal;

import io.portico.api.identity.ContactLink;
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
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NetSuite contacts. A contact belongs to its company's organization (the customer in {@code company}), and an
 * active contact with a linkable email address links that address to the organization through
 * {@link Organizations#linkContact}: a portal user whose verified email matches is a member of it. A contact deleted
 * or made inactive in NetSuite, or without a company or a linkable email, loses its link. Statuses: {@code active},
 * {@code inactive}.
 */
@Component(service = RecordType.class)
@PluginName(ContactRecordType.NAME)
public final class ContactRecordType implements RecordType {

    public static final String NAME = "contact";

    private static final SyncQuery QUERY = SyncQuery.builder("contact", "c")
            .select("c.entityid", "c.firstname", "c.lastname", "c.email", "c.phone", "c.title", "c.company",
                    "BUILTIN.DF(c.company) AS companyname", "c.isinactive", "c.subsidiary",
                    "BUILTIN.DF(c.subsidiary) AS subsidiaryname", "c.externalid")
            .subsidiary("c.subsidiary")
            .build();

    private static final RecordTypeDescriptor DESCRIPTOR = new RecordTypeDescriptor("Contacts", "contact",
            RecordCategory.ENTITY,
            List.of(
                    new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT),
                    new FieldDescriptor("title", "Title", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.EMAIL, "Email", FieldType.TEXT),
                    new FieldDescriptor("phone", "Phone", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS)),
            List.of(
                    new FieldDescriptor(RecordFields.NAME, "Name", FieldType.TEXT),
                    new FieldDescriptor("title", "Title", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.EMAIL, "Email", FieldType.TEXT),
                    new FieldDescriptor("phone", "Phone", FieldType.TEXT),
                    new FieldDescriptor("company", "Company", FieldType.TEXT),
                    new FieldDescriptor(RecordFields.STATUS, "Status", FieldType.STATUS)),
            6);

    private final Organizations organizations;

    @Activate
    public ContactRecordType(@Reference Organizations organizations) {
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
        String first = present(row.getString("firstname"));
        String last = present(row.getString("lastname"));
        String name = first == null && last == null ? present(row.getString("entityid"))
                : first == null ? last : last == null ? first : first + " " + last;
        if (name == null) {
            throw RecordMappingException.missing("entityid");
        }
        boolean inactive = Boolean.TRUE.equals(row.getBoolean("isinactive"));
        return SyncedRecord.builder(id)
                .owner(row.getString("company"))
                .number(row.getString("entityid"))
                .name(name)
                .email(present(row.getString("email")))
                .status(inactive ? "inactive" : "active")
                .attribute("firstName", first)
                .attribute("lastName", last)
                .attribute("title", row.getString("title"))
                .attribute("phone", row.getString("phone"))
                .attribute("companyId", row.getString("company"))
                .attribute("company", row.getString("companyname"))
                .attribute("subsidiaryId", row.getString("subsidiary"))
                .attribute("subsidiary", row.getString("subsidiaryname"))
                .attribute("externalId", row.getString("externalid"))
                .build();
    }

    /** Links an active contact's email to its company's organization; any other contact loses its link. */
    @Override
    public void beforeCommit(SyncedRecord record) {
        String contactId = Long.toString(record.netsuiteId());
        if ("active".equals(record.status()) && record.owner() != null
                && organizations.isLinkableEmail(record.email())) {
            organizations.linkContact(new ContactLink(contactId, record.owner(), record.email()));
        } else {
            organizations.unlinkContact(contactId);
        }
    }

    @Override
    public void beforeDelete(long netsuiteId) {
        organizations.unlinkContact(Long.toString(netsuiteId));
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
