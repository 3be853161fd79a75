/** Outgoing email: branded HTML and text from templates, sent over SMTP. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.mail;
