package io.portico.netsuite;

/**
 * The account's concurrency limits as NetSuite reports them ({@code GET /services/rest/system/v1/governanceLimits});
 * a limit NetSuite left out is -1.
 *
 * @param accountConcurrencyLimit requests the whole account may run at once
 * @param accountUnallocatedConcurrencyLimit the part of that limit not reserved for particular integrations
 * @param integrationConcurrencyLimit the limit of this integration
 * @param integrationLimitType {@code integrationSpecific}, {@code accountLimit} or {@code internal}; null if absent
 */
public record GovernanceLimits(int accountConcurrencyLimit, int accountUnallocatedConcurrencyLimit,
                               int integrationConcurrencyLimit, String integrationLimitType) {
}
