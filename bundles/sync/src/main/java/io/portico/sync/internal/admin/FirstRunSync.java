package io.portico.sync.internal.admin;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.FirstRunStep;
import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * First-run step "Choose the record types and run the first sync": done once every record type chosen for syncing
 * has finished its first full load; while one runs, its progress.
 */
@Component(service = FirstRunStep.class)
public final class FirstRunSync implements FirstRunStep {

    static final String TITLE = "Choose the record types and run the first sync";
    static final String HREF = "/admin/syncs";

    private final SyncService syncs;

    @Activate
    public FirstRunSync(@Reference SyncService syncs) {
        this.syncs = syncs;
    }

    @Override
    public int order() {
        return FIRST_SYNC;
    }

    @Override
    public State state(PortalUser admin) {
        return state(syncs.configs());
    }

    static State state(List<SyncConfig> configs) {
        for (SyncConfig config : configs) {
            SyncRun run = config.currentRun();
            if (run != null && !config.fullLoadDone()) {
                String progress = run.estimatedTotal() == null
                        ? String.format(Locale.ROOT, "%,d records so far", run.recordsDone())
                        : String.format(Locale.ROOT, "%,d of %,d records", run.recordsDone(), run.estimatedTotal());
                return new State(TITLE, false, "Syncing " + config.recordType() + ": " + progress + ".", HREF);
            }
        }
        List<SyncConfig> chosen = configs.stream().filter(c -> c.settings().enabled()).toList();
        long loaded = chosen.stream().filter(SyncConfig::fullLoadDone).count();
        if (chosen.isEmpty()) {
            return new State(TITLE, false, "No record type is chosen for syncing yet.", HREF);
        }
        if (loaded == chosen.size()) {
            return new State(TITLE, true, "The first sync of " + loaded + (loaded == 1 ? " record type" : " record "
                    + "types") + " is done.", HREF);
        }
        return new State(TITLE, false, loaded + " of " + chosen.size() + " record types have finished their first "
                + "sync: run the others now.", HREF);
    }
}
