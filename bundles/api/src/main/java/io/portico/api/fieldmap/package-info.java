/** Field-mapper plugins: label renames, value maps, visibility and ordering per record type and field. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.portico.api.fieldmap;
