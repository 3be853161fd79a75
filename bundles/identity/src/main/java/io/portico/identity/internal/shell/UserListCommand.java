package io.portico.identity.internal.shell;

import io.portico.identity.internal.user.MembershipRecord;
import io.portico.identity.internal.user.UserDirectory;
import io.portico.identity.internal.user.UserRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "user-list", description = "Lists users with their organizations and roles")
@Service
public class UserListCommand implements Action {

    @Reference
    private UserDirectory users;

    @Option(name = "-o", aliases = "--organization", description = "Only members of this organization (Portico id)")
    private Long organizationId;

    @Option(name = "-l", aliases = "--limit", description = "At most this many (default 200)")
    private int limit = 200;

    @Argument(index = 0, name = "email", description = "Only users whose email contains this")
    private String email;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Email");
        table.column("Name");
        table.column("State");
        table.column("MFA");
        table.column("Organizations (role)");
        Instant now = Instant.now();
        for (UserDirectory.Entry entry : users.list(organizationId, email, 0, limit)) {
            UserRecord u = entry.user();
            String state = u.disabled() ? "disabled" : u.lockedAt(now) ? "locked" : u.verified() ? "active"
                    : "unverified";
            table.addRow().addContent(u.id(), u.email(), u.displayName(), state, u.mfaEnabled() ? "on" : "off",
                    entry.memberships().stream().map(UserListCommand::membership).collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }

    private static String membership(MembershipRecord m) {
        return m.organizationName() + " (" + m.role().name().toLowerCase(Locale.ROOT)
                + (m.pending() ? ", pending" : "") + ")";
    }
}
