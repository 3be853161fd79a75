/** Payment-processor plugins: onboarding, payments for invoices, webhooks, refunds. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.portico.api.payment;
