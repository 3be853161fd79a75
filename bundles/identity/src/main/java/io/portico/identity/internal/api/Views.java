package io.portico.identity.internal.api;

import io.portico.api.identity.Access;
import io.portico.api.identity.PortalUser;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.user.MembershipRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the session API. */
final class Views {

    private Views() {
    }

    /**
     * Who the caller is.
     *
     * @param state {@code mfa_required}, {@code choose_organization} or {@code signed_in}
     * @param csrfToken the token to send back as {@code X-CSRF-Token} with every state-changing request
     */
    record Me(String state, Long userId, String email, String name, Organization organization,
            List<Membership> memberships, String csrfToken, boolean viewingAs) {
    }

    record Organization(long id, String name, String kind, String role, Map<String, String> recordAccess) {
    }

    record Membership(long organizationId, String name, String kind, String role) {
    }

    static Me me(Authentication auth) {
        PortalUser user = auth.user();
        Organization organization = user == null ? null : new Organization(user.organizationId(),
                user.organizationName(), lower(user.organizationKind()), lower(user.role()),
                access(user.recordAccess()));
        List<Membership> memberships = auth.state() == Authentication.State.MFA_PENDING ? List.of()
                : auth.memberships().stream().map(Views::membership).toList();
        return new Me(state(auth.state()), auth.account() == null ? null : auth.account().id(),
                auth.account() == null ? null : auth.account().email(),
                auth.account() == null ? null : auth.account().shownName(), organization, memberships,
                auth.csrfToken(), user != null && user.viewingAs());
    }

    private static String state(Authentication.State state) {
        return switch (state) {
            case MFA_PENDING -> "mfa_required";
            case CHOOSING_ORGANIZATION -> "choose_organization";
            case SIGNED_IN -> "signed_in";
            case ANONYMOUS -> "anonymous";
        };
    }

    private static Membership membership(MembershipRecord m) {
        return new Membership(m.organizationId(), m.organizationName(), lower(m.organizationKind()), lower(m.role()));
    }

    private static Map<String, String> access(Map<String, Access> access) {
        Map<String, String> result = new TreeMap<>();
        access.forEach((type, a) -> result.put(type, lower(a)));
        return result;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
