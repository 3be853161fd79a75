package io.portico.api.identity;

/** What an organization is to the operator that runs Portico. */
public enum OrganizationKind {
    /** The company that runs Portico: the tenant, whose staff administer the portal. */
    OPERATOR,
    /** One NetSuite customer; its users see only its own records. */
    CUSTOMER,
    /** One NetSuite vendor (reserved for a vendor portal). */
    VENDOR
}
