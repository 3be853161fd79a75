package io.portico.plugins.attachments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.netsuite.NetSuiteClient;
import io.portico.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

class AttachmentsRunCommandTest {

    @Test
    void aRunGoingOnOnAnotherNodeIsARefusal() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection otherNode = db.dataSource().getConnection()) {
            try (PreparedStatement lock = otherNode.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, AttachmentSyncComponent.LOCK_KEY);
                lock.execute();
            }
            AttachmentSyncComponent component = new AttachmentSyncComponent(db.database(),
                    TestData.store(db), TestData.records(db), unused(NetSuiteClient.class), defaults());
            try {
                AttachmentsRunCommand command = new AttachmentsRunCommand();
                command.attachments = component;
                assertEquals("Another node is looking up attachments right now; try again when it is done.",
                        assertThrows(IllegalStateException.class, command::execute).getMessage());
            } finally {
                component.deactivate();
            }
        }
    }

    /** The configuration with every default. */
    private static AttachmentSyncComponent.Config defaults() {
        return (AttachmentSyncComponent.Config) Proxy.newProxyInstance(AttachmentsRunCommandTest.class.getClassLoader(),
                new Class<?>[] {AttachmentSyncComponent.Config.class}, (proxy, method, args) -> method.getDefaultValue());
    }

    /** A service the test never reaches. */
    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(AttachmentsRunCommandTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
