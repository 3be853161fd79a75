package io.portico.plugins.attachments.internal;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portico", name = "attachments-run", description = "Looks up now the attachments of the synced "
        + "records that are new, changed or due, stores the files, and prints what it did")
public class AttachmentsRunCommand implements Action {

    @Reference
    AttachmentSyncComponent attachments;

    @Override
    public Object execute() throws SQLException {
        PrintStream out = System.out;
        Optional<AttachmentSync.Outcome> outcome = attachments.runIfFree();
        if (outcome.isEmpty()) {
            throw new IllegalStateException("Another node is looking up attachments right now; try again when it is "
                    + "done.");
        }
        AttachmentSync.Outcome o = outcome.get();
        out.println("Attachments: " + o.summary() + ".");
        o.errors().forEach(e -> out.println("  not stored: " + e));
        if (o.stopped() != null) {
            throw new IllegalStateException("the run stopped early: " + o.stopped());
        }
        return null;
    }
}
