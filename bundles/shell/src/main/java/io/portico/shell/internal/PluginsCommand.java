package io.portico.shell.internal;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginRegistry;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "plugins", description = "Lists every plugin service by SPI kind, with its bundle"
        + " and state; refused and failed plugins say why")
@Service
public class PluginsCommand implements Action {

    @Reference
    private PluginRegistry registry;

    @Option(name = "-k", aliases = "--kind", description = "Only this kind, e.g. RECORD_TYPE")
    private PluginKind kind;

    @Override
    public Object execute() {
        List<PluginInfo> plugins = kind == null ? registry.plugins() : registry.plugins(kind);
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Name");
        table.column("Bundle").alignRight();
        table.column("Symbolic name");
        table.column("Version");
        table.column("State");
        table.column("Detail");
        for (PluginInfo p : plugins) {
            table.addRow().addContent(p.kind(), p.name(), p.bundleId(), p.bundleSymbolicName(), p.bundleVersion(),
                    p.state(), p.detail());
        }
        table.print(System.out);
        return null;
    }
}
