/**
 * The NetSuite client: one {@link io.portico.netsuite.NetSuiteClient} service per configured account, for the REST
 * record API, SuiteQL and RESTlets, with authentication, paging and the account's concurrency governance handled inside.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.portico.netsuite;
