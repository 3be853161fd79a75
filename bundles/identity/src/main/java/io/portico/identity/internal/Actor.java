package io.portico.identity.internal;

/**
 * Who did something, for the audit log.
 *
 * @param userId the user's id, or {@code null} when it was no signed-in user
 * @param label how the audit log names them: an email, {@code console:admin}, {@code system}
 */
public record Actor(Long userId, String label) {

    public static Actor user(long userId, String email) {
        return new Actor(userId, email);
    }

    /** Someone not signed in, named by what they typed (e.g. the email of a failed sign-in). */
    public static Actor anonymous(String claimed) {
        return new Actor(null, claimed == null || claimed.isBlank() ? "anonymous" : cut(claimed));
    }

    public static Actor console(String shellUser) {
        return new Actor(null, "console:" + (shellUser == null ? "unknown" : shellUser));
    }

    public static Actor system() {
        return new Actor(null, "system");
    }

    private static String cut(String s) {
        return s.length() > 254 ? s.substring(0, 254) : s;
    }
}
