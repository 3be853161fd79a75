package io.portico.identity.internal.shell;

import io.portico.api.identity.Organization;
import io.portico.api.identity.Organizations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "org-list", description = "Lists the customer organizations, by name")
@Service
public class OrgListCommand implements Action {

    @Reference
    private Organizations organizations;

    @Option(name = "-a", aliases = "--archived", description = "Include archived organizations")
    private boolean archived;

    @Option(name = "-l", aliases = "--limit", description = "At most this many (default 200)")
    private int limit = 200;

    @Argument(index = 0, name = "name", description = "Only organizations whose name contains this")
    private String name;

    @Override
    public Object execute() {
        Organization operator = organizations.operator();
        System.out.println("Operator: " + operator.name() + " (id " + operator.id() + ")");
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("NetSuite id");
        table.column("Name");
        table.column("Email domains");
        table.column("Currency");
        table.column("State");
        for (Organization o : organizations.customers(name, archived, 0, limit)) {
            table.addRow().addContent(o.id(), o.netsuiteId(), o.name(), String.join(", ", o.emailDomains()),
                    o.currency() == null ? "" : o.currency(), o.archived() ? "archived" : "active");
        }
        table.print(System.out);
        return null;
    }
}
