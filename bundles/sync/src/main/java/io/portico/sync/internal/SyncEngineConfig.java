package io.portico.sync.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The sync engine of this node (PID {@code io.portico.sync}); per-record-type settings are in the database. */
@ObjectClassDefinition(name = "Portico sync engine",
        description = "Schedules and runs NetSuite syncs; several nodes share the work through PostgreSQL.")
public @interface SyncEngineConfig {

    @AttributeDefinition(name = "Node name", required = false,
            description = "This node's name in leases and the run history; empty: host name and process id.")
    String nodeName() default "";

    @AttributeDefinition(name = "Schedule check (s)", min = "1",
            description = "How often the node looks for due and unfinished syncs.")
    int tickSeconds() default 10;

    @AttributeDefinition(name = "Runs at once", min = "1", description = "Syncs this node runs at the same time.")
    int maxConcurrentRuns() default 2;

    @AttributeDefinition(name = "Lease (s)", min = "5",
            description = "How long a run's claim lasts without renewal; a dead node blocks its syncs at most this "
                    + "long.")
    int leaseSeconds() default 60;

    @AttributeDefinition(name = "Resume delay (s)", min = "0",
            description = "How long an unfinished run (stopped, or its node died) waits before it is resumed.")
    int resumeDelaySeconds() default 60;

    @AttributeDefinition(name = "Errors kept per run", min = "1")
    int maxErrorsPerRun() default 1000;

    @AttributeDefinition(name = "History kept (days)", min = "0",
            description = "Ended runs and their errors are deleted this many days after they finished; 0 keeps them "
                    + "forever.")
    int historyDays() default 90;

    @AttributeDefinition(name = "Runs always kept", min = "1",
            description = "Each record type's newest runs, kept whatever their age.")
    int historyRunsKept() default 50;

    @AttributeDefinition(name = "Admin API token", type = AttributeType.PASSWORD, required = false,
            description = "Lets automation call /api/admin/sync with the X-Portico-Admin-Token header (plain or "
                    + "sealed as ENC(...)); empty: only signed-in operator administrators may.")
    String adminToken() default "";
}
