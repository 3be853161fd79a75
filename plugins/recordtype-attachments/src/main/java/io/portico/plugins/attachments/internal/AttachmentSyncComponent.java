package io.portico.plugins.attachments.internal;

import io.portico.api.db.Database;
import io.portico.api.records.RecordChanges;
import io.portico.netsuite.NetSuiteClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link AttachmentSync} every few minutes on whichever node gets there first (a PostgreSQL advisory lock keeps
 * two nodes from running it at once), and on demand ({@code portico:attachments-run}). Configured through
 * {@value #PID}.
 */
@Component(service = AttachmentSyncComponent.class, configurationPid = AttachmentSyncComponent.PID, immediate = true)
@Designate(ocd = AttachmentSyncComponent.Config.class)
public final class AttachmentSyncComponent {

    static final String PID = "io.portico.attachments";
    /** The PostgreSQL advisory lock of attachments runs ("Attachmt" in ASCII). */
    static final long LOCK_KEY = 0x4174746163686D74L;

    @ObjectClassDefinition(name = "Portico attachments",
            description = "Files attached in NetSuite to synced records, stored in Portico for download.")
    public @interface Config {

        @AttributeDefinition(description = "Largest file stored, in bytes; larger files are listed with an error.")
        long maxBytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Minutes between runs.")
        int intervalMinutes() default 15;

        @AttributeDefinition(description = "Record types (plugin names) whose records' attachments are synced.")
        String[] recordTypes() default {"invoice", "salesorder", "creditmemo", "customerpayment", "customer"};

        @AttributeDefinition(description = "Hours after which an unchanged record's attachments are looked up again.")
        int rescanHours() default 24;

        @AttributeDefinition(description = "Records looked up per run at most.")
        int maxRecordsPerRun() default 5000;

        @AttributeDefinition(description = "Script id of the RESTlet listing the files attached to records.")
        String listScript() default "customscript_portico_attachments";

        @AttributeDefinition(description = "Deployment id of the RESTlet listing attachments.")
        String listDeploy() default "customdeploy_portico_attachments";

        @AttributeDefinition(description = "Script id of the RESTlet returning one file's content.")
        String fileScript() default "customscript_portico_file";

        @AttributeDefinition(description = "Deployment id of the RESTlet returning a file's content.")
        String fileDeploy() default "customdeploy_portico_file";
    }

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentSyncComponent.class);

    private final Database database;
    private final AttachmentSync sync;
    private final AttachmentSync.Settings settings;
    private final ScheduledExecutorService timer;

    @Activate
    public AttachmentSyncComponent(@Reference Database database, @Reference AttachmentStore store,
            @Reference RecordChanges records, @Reference NetSuiteClient client, Config config) {
        this.database = database;
        this.settings = settings(config);
        this.sync = new AttachmentSync(store, records,
                new RestletAttachmentSource(client::getRestlet, client, new RestletAttachmentSource.Scripts(
                        config.listScript(), config.listDeploy(), config.fileScript(), config.fileDeploy())),
                Clock.systemUTC());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portico-attachments");
            t.setDaemon(true);
            return t;
        });
        int minutes = Math.max(1, config.intervalMinutes());
        timer.scheduleWithFixedDelay(this::runOnSchedule, 1, minutes, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    static AttachmentSync.Settings settings(Config config) {
        if (config.maxBytes() < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        List<String> types = Arrays.stream(config.recordTypes()).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        return new AttachmentSync.Settings(types, config.maxBytes(),
                Duration.ofHours(Math.max(1, config.rescanHours())), Math.max(1, config.maxRecordsPerRun()));
    }

    /**
     * Runs once now unless another node is running, and logs what it did.
     *
     * @return what the run did, or empty when another node holds the run
     * @throws SQLException when the database cannot be reached
     */
    public Optional<AttachmentSync.Outcome> runIfFree() throws SQLException {
        try (Connection lock = database.dataSource().getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                AttachmentSync.Outcome o = sync.run(settings);
                if (o.records() > 0 || o.stopped() != null) {
                    LOG.info("Attachments: {}", o.summary());
                }
                o.errors().forEach(e -> LOG.warn("Attachment not stored: {}", e));
                return Optional.of(o);
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        }
    }

    private void runOnSchedule() {
        try {
            runIfFree();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Attachments run failed: {}", e.getMessage());
        }
    }

    private static boolean advisory(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
