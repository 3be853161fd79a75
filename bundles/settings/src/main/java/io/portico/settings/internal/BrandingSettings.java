package io.portico.settings.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.db.Database;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.ColourContrast;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Settings &gt; Branding, kept in PostgreSQL: the {@link BrandingSource} every page, email and PDF reads. Each node
 * rereads the row at most every {@link Reread#REFRESH_NANOS} (a small query without the images), so a change saved on
 * one node shows on every node within seconds; the saving node shows it at once. Until an admin first saves, the
 * branding is {@code etc/io.portico.branding.cfg}'s.
 */
@Component(service = {BrandingSource.class, BrandingSettings.class}, configurationPid = "io.portico.branding")
@Designate(ocd = InitialBranding.class)
public final class BrandingSettings implements BrandingSource, SettingsSection {

    static final String LOGO_PATH = "/branding/logo";
    static final String FAVICON_PATH = "/branding/favicon";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;
    private final Branding initial;
    private final Reread<Branding> saved;


    @Activate
    public BrandingSettings(@Reference Database database, InitialBranding config) {
        this(database.sessionFactory(BrandingMapper.class, AuditMapper.class), initial(config), System::nanoTime);
    }

    BrandingSettings(SqlSessionFactory sessions, Branding initial, LongSupplier nanoTime) {
        this.sessions = sessions;
        this.initial = initial;
        this.saved = new Reread<>(this::read, nanoTime);
    }

    @Override
    public Branding branding() {
        return saved.get();
    }

    @Override
    public Optional<Image> logo() {
        return image("logo");
    }

    @Override
    public Optional<Image> favicon() {
        return image("favicon");
    }

    /** Whether an admin has saved the branding (else it is the configuration file's). */
    boolean saved() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(BrandingMapper.class).current() != null;
        }
    }

    /** The branding as the configuration file gives it: what "saved" means before the first save. */
    Branding initial() {
        return initial;
    }

    /**
     * Checks and saves the branding, writing the change to the audit log in the same transaction.
     *
     * @param logo a new logo, or {@code null} to keep (or, with {@code removeLogo}, remove) the saved one
     * @param favicon a new favicon, or {@code null} to keep (or, with {@code removeFavicon}, remove) the saved one
     * @throws InvalidSettingException naming the first field that is not valid; nothing is saved then
     */
    void save(SettingsActor actor, BrandingForm form, Image logo, boolean removeLogo, Image favicon,
            boolean removeFavicon) {
        BrandingForm checked = form.checked();
        try (SqlSession session = sessions.openSession(false)) {
            write(session, actor, checked, logo, removeLogo, favicon, removeFavicon);
            session.commit(true);
        }
        reread();
    }

    /** Writes the checked branding and its audit entry in the caller's session, which commits. */
    private void write(SqlSession session, SettingsActor actor, BrandingForm checked, Image logo, boolean removeLogo,
            Image favicon, boolean removeFavicon) {
        BrandingMapper mapper = session.getMapper(BrandingMapper.class);
        BrandingRow before = mapper.current();
        boolean keepLogo = logo == null && !removeLogo;
        boolean keepFavicon = favicon == null && !removeFavicon;
        BrandingRow row = new BrandingRow(checked.name(), checked.colour(), checked.supportEmail(),
                checked.supportPhone(), checked.footer(), logo == null ? null : logo.contentType(),
                favicon == null ? null : favicon.contentType(), 0);
        mapper.save(actor.tenantId(), actor.userId(), row, logo == null ? null : logo.bytes(), keepLogo,
                favicon == null ? null : favicon.bytes(), keepFavicon);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before == null ? fields(BrandingForm.of(initial)) : fields(before));
        detail.put("after", fields(checked));
        detail.put("logo", logo != null ? "replaced" : removeLogo ? "removed" : "kept");
        detail.put("favicon", favicon != null ? "replaced" : removeFavicon ? "removed" : "kept");
        try {
            session.getMapper(AuditMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "settings.branding", "Branding", JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The branding as the settings document carries it: the text fields, and each image as a {@code data:} URL.
     *
     * @param logo the logo as a {@code data:} URL, or {@code null} for none
     * @param favicon the favicon as a {@code data:} URL, or {@code null} for none
     */
    record Document(String name, String colour, String supportEmail, String supportPhone, String footer,
            String logo, String favicon) {
    }

    @Override
    public String key() {
        return "branding";
    }

    @Override
    public Document export() {
        Branding b = branding();
        return new Document(b.name(), b.colour(), b.supportEmail(), b.supportPhone(), b.footer(),
                logo().map(ImageUpload::dataUrl).orElse(null), favicon().map(ImageUpload::dataUrl).orElse(null));
    }

    /** The document's branding replaces the saved one whole: an image it leaves out is removed. */
    @Override
    public Checked check(SettingsActor actor, JsonNode value, DocumentReader read) {
        Document document = read.read(value, Document.class);
        BrandingForm checked = new BrandingForm(document.name(), document.colour(), document.supportEmail(),
                document.supportPhone(), document.footer()).checked();
        Image logo = document.logo() == null ? null
                : ImageUpload.logo(ImageUpload.fromDataUrl("logo", document.logo()));
        Image favicon = document.favicon() == null ? null
                : ImageUpload.favicon(ImageUpload.fromDataUrl("favicon", document.favicon()));
        return new Checked() {
            @Override
            public String summary() {
                return "Branding: \"" + checked.name() + "\", " + checked.colour() + ", "
                        + (logo == null ? "no logo" : "a logo") + ", " + (favicon == null ? "no favicon" : "a favicon")
                        + ".";
            }

            @Override
            public void write(SqlSession session, SettingsActor by) {
                BrandingSettings.this.write(session, by, checked, logo, logo == null, favicon, favicon == null);
            }
        };
    }

    @Override
    public void reread() {
        saved.now();
    }

    private Branding read() {
        BrandingRow row;
        try (SqlSession session = sessions.openSession()) {
            row = session.getMapper(BrandingMapper.class).current();
        }
        if (row == null) {
            return initial;
        }
        String version = "?v=" + row.version();
        return new Branding(row.name(), row.colour(), row.logoType() == null ? null : LOGO_PATH + version,
                row.faviconType() == null ? null : FAVICON_PATH + version,
                ColourContrast.readableTextOn(row.colour()), row.supportEmail(), row.supportPhone(), row.footer());
    }

    private Optional<Image> image(String column) {
        Map<String, Object> image;
        try (SqlSession session = sessions.openSession()) {
            image = session.getMapper(BrandingMapper.class).image(column);
        }
        if (image == null || image.get("bytes") == null) {
            return Optional.empty();
        }
        return Optional.of(new Image((String) image.get("type"), (byte[]) image.get("bytes")));
    }

    private static Map<String, Object> fields(BrandingForm form) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", form.name());
        fields.put("colour", form.colour());
        fields.put("supportEmail", form.supportEmail());
        fields.put("supportPhone", form.supportPhone());
        fields.put("footer", form.footer());
        return fields;
    }

    private static Map<String, Object> fields(BrandingRow row) {
        return fields(new BrandingForm(row.name(), row.colour(), row.supportEmail(), row.supportPhone(),
                row.footer()));
    }

    static Branding initial(InitialBranding config) {
        String colour = config.colour() == null ? "" : config.colour().strip().toLowerCase(java.util.Locale.ROOT);
        String name = config.name() == null || config.name().isBlank() ? "Portico" : config.name().strip();
        String logo = config.logoPath() == null || config.logoPath().isBlank() ? null : config.logoPath().strip();
        return new Branding(name, ColourContrast.isColour(colour) ? colour : "#1f4e79", logo);
    }
}
