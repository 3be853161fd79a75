package io.portico.api.identity;

/**
 * The rows a signed-in user may reach, for the data layer to filter by. Customer users reach one organization;
 * operator staff reach the whole tenant.
 *
 * <p>In a MyBatis mapper:
 * <pre>{@code
 * WHERE tenant_id = #{scope.tenantId}
 *   <if test="scope.organizationId != null">AND organization_id = #{scope.organizationId}</if>
 * }</pre>
 *
 * @param tenantId the operator organization's id; every query filters by it
 * @param organizationId the one organization the user may see, or {@code null} for the whole tenant
 */
public record DataScope(long tenantId, Long organizationId) {

    /** Whether the scope covers a row owned by {@code organizationId} of {@code tenantId}. */
    public boolean covers(long rowTenantId, long rowOrganizationId) {
        return rowTenantId == tenantId && (organizationId == null || organizationId == rowOrganizationId);
    }
}
