package io.portico.sync.internal.engine;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.ProblemException;
import io.portico.plugins.invoice.internal.InvoiceRecordType;
import io.portico.sync.internal.admin.Settings;
import io.portico.sync.internal.admin.SyncAdminResource;
import io.portico.testing.TestDatabase;
import java.security.Principal;
import java.util.Map;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** Only record types that exist can be configured: a name no plugin has leaves nothing behind. */
class SyncConfigureTest extends SyncTestSupport {

    private SyncEngine engine;
    private SyncAdminResource api;

    @BeforeEach
    void startEngine() {
        db = TestDatabase.create();
        plugins.put(InvoiceRecordType.NAME, new InvoiceRecordType());
        engine = engine("node-a", SyncEngine.Options.defaults("node-a"), () -> null);
        api = new SyncAdminResource(engine, "");
    }

    @Test
    void aRecordTypeNoPluginHasIsRefusedAndNothingIsStored() throws Exception {
        assertEquals(SyncException.Reason.UNKNOWN_RECORD_TYPE, assertThrows(SyncException.class,
                () -> engine.configure("nosuchtype", SyncSettings.defaults())).reason());
        assertEquals(404, status(() -> api.configure("nosuchtype", Map.of("schedule", "daily"), operatorAdmin(),
                null)));
        assertEquals(404, status(() -> api.stop("nosuchtype", operatorAdmin(), null)));
        assertEquals(404, status(() -> api.start("nosuchtype", false, operatorAdmin(), null)));
        assertTrue(engine.config("nosuchtype").isEmpty());
        assertEquals(0, count("SELECT count(*) FROM sync_config"));
    }

    @Test
    void aConfiguredRecordTypeWhosePluginStoppedCanStillBeChanged() throws Exception {
        engine.configure("invoice", SyncSettings.defaults());
        plugins.remove("invoice");
        SyncSettings paused = Settings.merge(SyncSettings.defaults(), Map.of("paused", true));
        assertTrue(engine.configure("invoice", paused).settings().paused(),
                "an administrator can still pause or disable it until the plugin is back");
        assertEquals(1, count("SELECT count(*) FROM sync_config"));
    }

    private static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }

    private static SecurityContext operatorAdmin() {
        PortalUser user = new PortalUser(1, "a@b.test", "A", 1, 1, "Operator", OrganizationKind.OPERATOR, Role.ADMIN,
                Map.of(), AuthMethod.PASSWORD);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }
}
