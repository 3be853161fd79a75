/**
 * Record-type plugins: which NetSuite record a plugin mirrors, the SuiteQL it is synced with, and how its rows map
 * into Portico's records.
 *
 * <p>A record type is a {@link io.portico.api.recordtype.RecordType} service: a
 * {@link io.portico.api.recordtype.RecordTypeDescriptor} for the portal, a
 * {@link io.portico.api.recordtype.SyncQuery} for the sync engine (a header query and a
 * {@link io.portico.api.recordtype.LineQuery} per named line list) and a mapping from
 * {@link io.portico.api.recordtype.SourceRow}s to a {@link io.portico.api.recordtype.SyncedRecord}. The bases
 * {@link io.portico.api.recordtype.TransactionRecordType} (invoices, sales orders, credit memos, ...) and
 * {@link io.portico.api.recordtype.CustomRecordType} ({@code customrecord_*}) leave a plugin a descriptor and a few
 * lines of mapping.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.portico.api.recordtype;
