package io.portico.identity.internal.viewas;

import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authentication;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.session.SessionMapper;
import io.portico.identity.internal.store.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * "View as customer": the operator's owners and admins open a customer organization's portal from their own browser
 * session, read-only, to see what its users see when they call for support. Owners and admins may, because they
 * already read every organization's records and manage every organization's people: the view shows them nothing new,
 * only shows it as the customer sees it.
 *
 * <p>The view is the session's state in PostgreSQL (never an organization named by the request); while it lasts the
 * {@link io.portico.identity.internal.auth.Authenticator} makes every request of the session the customer's
 * {@link #EMULATED_ROLE}, and {@link io.portico.identity.internal.web.ReadOnlyWhileViewing} refuses every change.
 * It ends when stopped, when the session ends (sign-out, expiry) or {@link #LIMIT} after it started, whichever
 * comes first; starting and stopping are audited ({@code view_as.started}, {@code view_as.stopped}).
 */
@Component(service = ViewAs.class)
public final class ViewAs {

    /** The customer role a view emulates: the widest, so support sees everything any of the customer's users can. */
    public static final Role EMULATED_ROLE = Role.ADMIN;
    /** The audit log's actions. */
    public static final String STARTED = "view_as.started";
    public static final String STOPPED = "view_as.stopped";
    /** How long a view lasts at most: long enough for a support call, short enough not to be forgotten. */
    public static final Duration LIMIT = Duration.ofHours(1);

    private final IdentityStore store;
    private final OrganizationsImpl organizations;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ViewAs(@Reference IdentityStore store, @Reference OrganizationsImpl organizations,
            @Reference AuditLog audit) {
        this(store, organizations, audit, Clock.systemUTC());
    }

    public ViewAs(IdentityStore store, OrganizationsImpl organizations, AuditLog audit, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A view of a customer organization's portal.
     *
     * @param until when it ends at the latest
     */
    public record View(long organizationId, String organizationName, Instant until) {
    }

    /** Whether a member of an organization of this kind with this role may view customers' portals. */
    public static boolean mayView(OrganizationKind kind, Role role) {
        return kind == OrganizationKind.OPERATOR && role.managesMembers();
    }

    /**
     * Starts viewing a customer organization of the staff member's tenant from their browser session.
     *
     * @return the view now started
     * @throws ProblemException 403 for anyone but the operator's owners and admins in a browser session; 404 for
     *         an organization that is not a customer of this tenant (another tenant's answers exactly the same); 409
     *         for an archived one, whose users cannot sign in
     */
    public View start(Authentication auth, long organizationId, Client client) {
        PortalUser staff = auth.user();
        if (staff == null || !mayView(staff.organizationKind(), staff.role())) {
            throw ProblemException.forbidden("Only the operator's owners and administrators may view a customer's "
                    + "portal.");
        }
        if (auth.session() == null) {
            throw ProblemException.forbidden("Viewing a customer's portal needs a browser session; an API token "
                    + "cannot start it.");
        }
        Organization viewed = organizations.find(organizationId)
                .filter(o -> o.kind() == OrganizationKind.CUSTOMER)
                .orElseThrow(() -> ProblemException.notFound("There is no such customer organization."));
        if (viewed.archived()) {
            throw ProblemException.conflict(viewed.name() + " is archived: its users cannot sign in, so there is no "
                    + "portal to view.");
        }
        Instant until = clock.instant().plus(LIMIT).truncatedTo(ChronoUnit.SECONDS);
        store.write(s -> {
            s.getMapper(SessionMapper.class).startViewing(auth.session().idHash(), viewed.id(), until);
            audit.append(s, Actor.user(staff.userId(), staff.email()), STARTED, viewed.id(), viewed.name(),
                    Map.of("until", until.toString(), "role", EMULATED_ROLE.name().toLowerCase()), client);
            return null;
        });
        return new View(viewed.id(), viewed.name(), until);
    }

    /**
     * Ends the session's view, if any (stopping twice is harmless).
     *
     * @param reason why it ends, for the audit entry: {@code stopped} or {@code sign-out}
     * @return the organization that was viewed, if one was
     */
    public Optional<Long> stop(Authentication auth, String reason, Client client) {
        if (auth.session() == null || auth.account() == null) {
            return Optional.empty();
        }
        Long viewed = auth.session().viewingOrganizationId();
        store.write(s -> {
            int ended = s.getMapper(SessionMapper.class).stopViewing(auth.session().idHash());
            if (ended > 0 && viewed != null) {
                audit.append(s, Actor.user(auth.account().id(), auth.account().email()), STOPPED, viewed,
                        auth.user() == null ? null : auth.user().organizationName(), Map.of("reason", reason), client);
            }
            return null;
        });
        return Optional.ofNullable(viewed);
    }
}
