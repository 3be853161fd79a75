package io.portico.sync.internal.engine;

import io.portico.api.sync.SyncRun;
import io.portico.db.internal.PooledDatabase;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node that starts an invoice sync and keeps running until it is killed: {@link SyncCrashResumeTest} runs it in a
 * JVM of its own and kills that JVM (SIGKILL) in the middle of the run.
 *
 * <p>Arguments: JDBC URL, account id, sandbox base URL, consumer key, consumer secret, token id, token secret, lease
 * seconds. The database user and password come from {@code PORTICO_DB_USER} / {@code PORTICO_DB_PASSWORD}.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(System.getenv().getOrDefault("PORTICO_DB_USER", "portico"));
        ds.setPassword(System.getenv().getOrDefault("PORTICO_DB_PASSWORD", ""));
        DefaultNetSuiteClient client = SandboxClients.tba(args[1], args[2], args[3], args[4], args[5], args[6]);
        InvoiceRecordType invoices = new InvoiceRecordType();
        SyncEngine engine = new SyncEngine(new PooledDatabase(ds), name -> name.equals("invoice") ? Optional.of(invoices)
                : Optional.empty(), () -> List.of("invoice"), () -> client,
                new SyncEngine.Options("doomed-node", Integer.parseInt(args[7]), 1, 1, 1000));
        SyncRun run = engine.start("invoice", false);
        System.out.println("RUN " + run.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
