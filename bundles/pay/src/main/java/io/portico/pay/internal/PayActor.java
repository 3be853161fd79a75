package io.portico.pay.internal;

/**
 * Who changes Pay's settings or refunds, as the audit log names them.
 *
 * @param userId the signed-in user, or {@code null} on the console
 * @param label an email, or {@code console:<name>}
 */
record PayActor(long tenantId, Long userId, String label) {
}
