package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.ColourContrast;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings &gt; Branding against PostgreSQL, as two nodes see it: saving, the audit log, the refresh on other nodes. */
class BrandingSettingsTest {

    private static final Branding FROM_FILE = new Branding("Portico", "#1f4e79", "/static/logo.svg");

    private static TestDatabase db;
    private static long tenant;
    private static SettingsActor actor;

    private final AtomicLong clock = new AtomicLong();
    private BrandingSettings node1;
    private BrandingSettings node2;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create();
        actor = OperatorAdmin.of(db);
        tenant = actor.tenantId();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void nodes() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM settings_branding");
            s.execute("DELETE FROM audit_log");
        }
        node1 = new BrandingSettings(db.database().sessionFactory(BrandingMapper.class, AuditMapper.class), FROM_FILE, clock::get);
        node2 = new BrandingSettings(db.database().sessionFactory(BrandingMapper.class, AuditMapper.class), FROM_FILE, clock::get);
    }

    @Test
    void theConfigurationFileIsTheBrandingUntilTheFirstSave() {
        assertEquals(FROM_FILE, node1.branding());
        assertTrue(node1.logo().isEmpty());
    }

    @Test
    void aSaveShowsAtOnceOnItsNodeAndOnTheOthersAfterTheirRefresh() {
        node2.branding();
        BrandingSource.Image logo = ImageUpload.logo(ImageUploadTest.PNG);
        node1.save(actor, new BrandingForm("Acme Portal", "#FFD400", "help@acme.example", "+1 555 010 0199",
                "Acme Corp."), logo, false, null, false);

        Branding saved = node1.branding();
        assertEquals("Acme Portal", saved.name());
        assertEquals("#ffd400", saved.colour());
        assertEquals(ColourContrast.DARK_TEXT, saved.textColour(), "white does not read on yellow");
        assertEquals("help@acme.example", saved.supportEmail());
        assertEquals("Acme Corp.", saved.footer());
        assertTrue(saved.logoPath().startsWith("/branding/logo?v="), saved.logoPath());
        assertNull(saved.faviconPath());
        assertArrayEquals(ImageUploadTest.PNG, node2.logo().orElseThrow().bytes());
        assertEquals("image/png", node2.logo().orElseThrow().contentType());

        assertEquals(FROM_FILE, node2.branding(), "the other node still shows what it read");
        clock.addAndGet(Reread.REFRESH_NANOS);
        assertEquals(saved, node2.branding(), "and rereads it once the refresh interval has passed");
    }

    @Test
    void imagesAreKeptReplacedOrRemovedAndEachSaveGetsANewAddress() {
        node1.save(actor, new BrandingForm("A", "#000000", null, null, null), ImageUpload.logo(ImageUploadTest.PNG),
                false, ImageUpload.favicon(new byte[] {0, 0, 1, 0}), false);
        String first = node1.branding().logoPath();
        node1.save(actor, new BrandingForm("B", "#000000", null, null, null), null, false, null, true);
        assertNotEquals(first, node1.branding().logoPath());
        assertArrayEquals(ImageUploadTest.PNG, node1.logo().orElseThrow().bytes(), "kept");
        assertTrue(node1.favicon().isEmpty(), "removed");
        assertNull(node1.branding().faviconPath());
        node1.save(actor, new BrandingForm("B", "#000000", null, null, null), null, true, null, false);
        assertNull(node1.branding().logoPath());
    }

    @Test
    void anInvalidFieldSavesNothingAndEachSaveIsAudited() throws Exception {
        assertEquals("colour", assertThrows(InvalidSettingException.class, () -> node1.save(actor,
                new BrandingForm("A", "blue", null, null, null), null, false, null, false)).field());
        assertEquals(FROM_FILE, node1.branding());
        assertEquals(0, count("SELECT count(*) FROM audit_log"));

        node1.save(actor, new BrandingForm("Acme", "#123456", null, null, null), null, false, null, false);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT actor, action, detail->'before'->>'name', "
                        + "detail->'after'->>'colour' FROM audit_log")) {
            assertTrue(r.next());
            assertEquals("admin@operator.test", r.getString(1));
            assertEquals("settings.branding", r.getString(2));
            assertEquals("Portico", r.getString(3));
            assertEquals("#123456", r.getString(4));
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
