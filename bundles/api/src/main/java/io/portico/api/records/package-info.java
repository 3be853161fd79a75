/**
 * The record-read service: synced NetSuite records as the portal shows them, always within the reader's
 * {@link io.portico.api.identity.DataScope}. Pages, the JSON API, CSV and plugins read records through it rather than
 * the platform's tables. Plugins that keep files attached to records list them through {@link RecordAttachments};
 * other bundles warn on the dashboard through {@link DashboardNotices}. Plugins that keep data beside records follow
 * them through {@link RecordChanges} instead of reading the platform's tables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.portico.api.records;
