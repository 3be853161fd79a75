package io.portico.identity.internal.shell;

import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.Organizations;
import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.invite.Invitation;
import io.portico.identity.internal.invite.Invitations;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;

@Command(scope = "portico", name = "user-invite", description = "Emails an invitation to join an organization; "
        + "without an organization, to join the operator's staff")
@Service
public class UserInviteCommand implements Action {

    @Reference
    private Invitations invitations;

    @Reference
    private Organizations organizations;

    @Argument(index = 0, name = "email", required = true, description = "Who to invite")
    private String email;

    @Argument(index = 1, name = "organization", description = "The organization's Portico id (or NetSuite id "
            + "with -n); the operator organization when left out")
    private String organization;

    @Option(name = "-n", aliases = "--netsuite", description = "The organization is given by its NetSuite id")
    private boolean netsuite;

    @Option(name = "-l", aliases = "--link-only", description = "Print the invitation link instead of emailing it "
            + "(for example to let the first owner in before SMTP is configured)")
    private boolean linkOnly;

    @Option(name = "-r", aliases = "--role", description = "owner, admin, member or viewer (default: admin for "
            + "the operator, member for a customer)")
    private String role;

    @Override
    public Object execute() {
        Organization target = organization();
        Role granted = role == null ? target.kind() == OrganizationKind.OPERATOR ? Role.ADMIN : Role.MEMBER
                : role(role);
        try {
            Invitations.ConsoleInvitation result = invitations.inviteFromConsole(ShellUtil.getCurrentUserName(),
                    target.id(), email, granted, !linkOnly);
            Invitation sent = result.invitation();
            System.out.println("Invited " + sent.email() + " to " + sent.organizationName() + " as "
                    + granted.name().toLowerCase(Locale.ROOT) + "; the link works until " + sent.expiresAt() + ".");
            if (result.link() != null) {
                System.out.println("Hand this link to " + sent.email() + " only: " + result.link());
            }
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.detail());
        }
        return null;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The role is owner, admin, member or viewer, not " + name);
        }
    }

    private Organization organization() {
        if (organization == null) {
            return organizations.operator();
        }
        if (netsuite) {
            return organizations.findCustomer(organization)
                    .orElseThrow(() -> new IllegalArgumentException("No organization with NetSuite id "
                            + organization));
        }
        try {
            return organizations.find(Long.parseLong(organization.strip()))
                    .orElseThrow(() -> new IllegalArgumentException("No organization " + organization));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The organization is a Portico id (a number), or use -n for a "
                    + "NetSuite id");
        }
    }
}
