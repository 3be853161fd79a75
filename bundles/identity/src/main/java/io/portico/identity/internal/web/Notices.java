package io.portico.identity.internal.web;

import java.util.Map;

/**
 * The messages a page shows after a redirect. Only known keys are accepted, so a crafted link cannot put words of
 * its own on Portico's pages.
 */
final class Notices {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("invitation-sent", "The invitation is on its way."),
            Map.entry("invitation-revoked", "The invitation was revoked; its link no longer works."),
            Map.entry("member-updated", "The member was updated."),
            Map.entry("member-removed", "The member was removed from the organization."),
            Map.entry("signed-out", "You have signed out."),
            Map.entry("password-reset", "Your password has been changed. Sign in with the new one."),
            Map.entry("email-verified", "Your email address is confirmed. Sign in to continue."),
            Map.entry("invitation-accepted", "You have joined the organization. Sign in to continue."),
            Map.entry("time-zone-saved", "Your time zone is saved: times show on its clock."),
            Map.entry("signed-out-everywhere", "You have been signed out on every device."),
            Map.entry("check-email", "Check your email: we have sent you a message with what to do next."),
            Map.entry("pending-approval", "Your registration is complete and waits for an administrator's "
                    + "approval. We will let you in once it is approved."));

    private Notices() {
    }

    static String text(String key) {
        return key == null ? null : TEXT.get(key);
    }

    static void put(Map<String, Object> model, String error, String notice) {
        if (error != null) {
            model.put("error", error);
        }
        if (notice != null) {
            model.put("notice", notice);
        }
    }
}
