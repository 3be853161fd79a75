package io.portico.oidc.internal.flow;

import io.portico.api.sso.SsoStart;
import java.time.Instant;

/**
 * A sign-in in progress as the server kept it.
 *
 * @param provider the provider it was started with
 * @param browserHash SHA-256 of the browser-binding cookie of the browser that started it
 * @param start what the provider returned when it began
 * @param expiresAt when it stops being usable
 */
record PendingLogin(String provider, byte[] browserHash, SsoStart start, Instant expiresAt) {
}
