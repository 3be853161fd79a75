package io.portico.identity.internal.org;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads and writes the {@code organization} table; every statement is bound to the tenant. */
public interface OrganizationMapper {

    Organization operator();

    Organization findById(@Param("tenantId") long tenantId, @Param("id") long id);

    Organization findCustomer(@Param("tenantId") long tenantId, @Param("netsuiteId") String netsuiteId);

    /** Inserts or updates; leaves an unchanged row alone. Returns the number of rows written (0 or 1). */
    int upsertCustomer(@Param("tenantId") long tenantId, @Param("c") CustomerOrganization customer);

    /** Points the children that name {@code netsuiteId} as their parent at {@code parentId}. */
    int linkChildren(@Param("tenantId") long tenantId, @Param("parentId") long parentId,
            @Param("netsuiteId") String netsuiteId);

    int archiveCustomer(@Param("tenantId") long tenantId, @Param("netsuiteId") String netsuiteId);

    List<Organization> customers(@Param("tenantId") long tenantId, @Param("nameContains") String nameContains,
            @Param("includeArchived") boolean includeArchived, @Param("offset") int offset,
            @Param("limit") int limit);

    /** Active customer organizations that list {@code domain} among their email domains. */
    List<Organization> withEmailDomain(@Param("tenantId") long tenantId, @Param("domain") String domain);
}
