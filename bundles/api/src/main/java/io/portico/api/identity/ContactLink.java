package io.portico.api.identity;

/**
 * A NetSuite contact as the contact sync hands it to {@link Organizations#linkContact}: a portal user whose verified
 * email is the contact's email belongs to the organization of the contact's customer.
 *
 * @param contactNetsuiteId the contact's NetSuite internal id (required; the key of the link)
 * @param customerNetsuiteId the NetSuite internal id of the contact's company (required); its organization may be
 *         synced later, and the link takes effect then
 * @param email the contact's email address (required, {@linkplain Organizations#isLinkableEmail linkable});
 *         compared with users' verified addresses without regard to case
 */
public record ContactLink(String contactNetsuiteId, String customerNetsuiteId, String email) {
}
