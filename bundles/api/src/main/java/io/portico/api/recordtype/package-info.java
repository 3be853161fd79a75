/** Record-type plugins: which NetSuite record a plugin mirrors and how its rows map into Portico. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.recordtype;
