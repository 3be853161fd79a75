/**
 * NetSuite syncs: one configuration per record type, runs started by a schedule or by hand, their progress and
 * history. The sync engine provides {@link io.portico.api.sync.SyncService}; the admin API, the console and the
 * admin pages use it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.portico.api.sync;
