/**
 * Documents as PDF: the platform's renderer that turns a bundle's FreeMarker XHTML template, in the operator's
 * branding, into a PDF with embedded fonts.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.documents;
