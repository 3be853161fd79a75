package io.portico.sandbox.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox's Login Audit Trail: NetSuite tells clients only "INVALID_LOGIN", the reason (NonceUsed,
 * InvalidSignature, ...) is kept here, where tests and the control API can read it.
 */
public final class LoginAudit {

  private static final int KEEP = 100;
  private final Deque<String> reasons = new ArrayDeque<>();

  public synchronized void reject(String reason) {
    if (reasons.size() == KEEP) {
      reasons.removeFirst();
    }
    reasons.addLast(reason);
  }

  /** Most recent rejection reasons, oldest first. */
  public synchronized List<String> recentRejections() {
    return List.copyOf(reasons);
  }
}
