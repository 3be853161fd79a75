package io.portico.settings.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.db.Database;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Navigation;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Settings &gt; Sidebar, kept in PostgreSQL: the {@link SidebarLayout} the portal's sidebar and record pages follow.
 * Its entries are the dashboard, the running record types with portal pages and the running sidebar parts with a
 * key ({@link Navigation#PART_KEY}). Each node rereads it at most every {@link Reread#REFRESH_NANOS}; the saving node
 * at once.
 */
@Component(service = {SidebarLayout.class, SidebarSettings.class})
public final class SidebarSettings implements SidebarLayout, SettingsSection {

    static final int MAX_LABEL = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;
    private final PluginRegistry plugins;
    private final Reread<List<Placement>> placements;
    private final List<Part> parts = new CopyOnWriteArrayList<>();

    /**
     * One entry as the settings page shows it.
     *
     * @param defaultLabel what the entry says unless renamed
     * @param placement the entry as placed, or with the defaults when {@code placed} is false
     * @param placed whether an admin has placed it (a plugin installed since has not)
     */
    record Row(String defaultLabel, Placement placement, boolean placed) {
    }

    @Activate
    public SidebarSettings(@Reference Database database, @Reference PluginRegistry plugins) {
        this(database.sessionFactory(SidebarMapper.class, AuditMapper.class), plugins, System::nanoTime);
    }

    SidebarSettings(SqlSessionFactory sessions, PluginRegistry plugins, LongSupplier nanoTime) {
        this.sessions = sessions;
        this.plugins = plugins;
        this.placements = new Reread<>(this::read, nanoTime);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(&(" + Navigation.PART + "=true)(" + Navigation.PART_KEY + "=*))")
    void addPart(Navigation part, Map<String, Object> properties) {
        String key = String.valueOf(properties.get(Navigation.PART_KEY));
        parts.add(new Part(key, properties.get(Navigation.PART_LABEL) instanceof String label ? label : key, part));
    }

    void removePart(Navigation part) {
        parts.removeIf(p -> p.navigation() == part);
    }

    @Override
    public List<Placement> placements() {
        return placements.get();
    }

    /** Every entry an admin can place, in the sidebar's order: the placed ones, then those not placed yet. */
    List<Row> rows() {
        Map<String, String> defaults = defaultLabels();
        List<Row> rows = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Placement placement : placements()) {
            if (defaults.containsKey(placement.key())) {
                rows.add(new Row(defaults.get(placement.key()), placement, true));
                placed.add(placement.key());
            }
        }
        defaults.forEach((key, label) -> {
            if (!placed.contains(key)) {
                rows.add(new Row(label, new Placement(key, null, null, false), false));
            }
        });
        return rows;
    }

    /**
     * Saves the sidebar in the given order (entries left out keep no placement and go after the others), keeping
     * the placements of record types whose plugin is not running, and writes the change to the audit log.
     *
     * @throws InvalidSettingException naming the first entry that is not valid; nothing is saved then
     */
    void save(SettingsActor actor, List<Placement> entries) {
        List<Placement> checked = checked(entries);
        try (SqlSession session = sessions.openSession(false)) {
            write(session, actor, checked);
            session.commit(true);
        }
        reread();
    }

    /** The entries checked against those there are now, each once, labels and icons equal to the defaults as none. */
    private List<Placement> checked(List<Placement> entries) {
        Map<String, String> defaults = defaultLabels();
        List<Placement> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Placement entry : entries) {
            checked.add(checked(entry, defaults, keys));
        }
        return checked;
    }

    /** Writes the checked entries, then the kept placements of record types not running, and the audit entry. */
    private void write(SqlSession session, SettingsActor actor, List<Placement> checked) {
        Map<String, String> defaults = defaultLabels();
        SidebarMapper mapper = session.getMapper(SidebarMapper.class);
        List<Placement> before = List.copyOf(mapper.placements());
        List<Placement> after = new ArrayList<>(checked);
        Set<String> keys = new HashSet<>();
        checked.forEach(p -> keys.add(p.key()));
        for (Placement kept : before) {
            if (!defaults.containsKey(kept.key()) && keys.add(kept.key())) {
                after.add(kept);
            }
        }
        mapper.deleteAll(actor.tenantId());
        for (int i = 0; i < after.size(); i++) {
            mapper.insert(actor.tenantId(), i + 1, after.get(i));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        try {
            session.getMapper(AuditMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "settings.sidebar", "Sidebar", JSON.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String key() {
        return "sidebar";
    }

    /** The placed entries in order, as a {@code PUT} to the JSON API sends them; a default label or icon as none. */
    @Override
    public SidebarApi.SidebarUpdate export() {
        return new SidebarApi.SidebarUpdate(rows().stream().filter(Row::placed).map(Row::placement)
                .map(p -> new SidebarApi.EntryUpdate(p.key(), p.label(), p.icon(), !p.hidden())).toList());
    }

    /** The document's entries replace the placed ones, in its order; those it leaves out go after them. */
    @Override
    public Checked check(SettingsActor actor, JsonNode value, DocumentReader read) {
        SidebarApi.SidebarUpdate update = read.read(value, SidebarApi.SidebarUpdate.class);
        List<Placement> checked = checked(SidebarApi.placements(update));
        return new Checked() {
            @Override
            public String summary() {
                return "Sidebar: " + checked.size() + (checked.size() == 1 ? " entry" : " entries") + " placed.";
            }

            @Override
            public void write(SqlSession session, SettingsActor by) {
                SidebarSettings.this.write(session, by, checked);
            }
        };
    }

    @Override
    public void reread() {
        placements.now();
    }

    private static Placement checked(Placement entry, Map<String, String> defaults, Set<String> keys) {
        String key = entry.key();
        if (key == null || !defaults.containsKey(key)) {
            throw new InvalidSettingException("key", "There is no sidebar entry " + (key == null ? "without a name"
                    : "'" + key + "'") + ": choose among the dashboard and the record types and pages running now.");
        }
        if (!keys.add(key)) {
            throw new InvalidSettingException("key", "The entry '" + key + "' is listed twice.");
        }
        String label = entry.label() == null || entry.label().isBlank() ? null : entry.label().strip();
        if (label != null && (label.length() > MAX_LABEL || label.contains("\n") || label.contains("\r"))) {
            throw new InvalidSettingException("label." + key, "The label of " + defaults.get(key)
                    + " must be one line of at most " + MAX_LABEL + " characters.");
        }
        String icon = entry.icon() == null || entry.icon().isBlank() ? null : entry.icon().strip();
        if (icon != null && !SidebarIcons.NAMES.contains(icon)) {
            throw new InvalidSettingException("icon." + key, "Choose the icon of " + defaults.get(key)
                    + " from the list.");
        }
        if (entry.hidden() && DASHBOARD.equals(key)) {
            throw new InvalidSettingException("shown." + key, "The dashboard is where customers land: it cannot be "
                    + "hidden.");
        }
        return new Placement(key, label != null && label.equals(defaults.get(key)) ? null : label,
                icon != null && icon.equals(SidebarIcons.defaultFor(key)) ? null : icon, entry.hidden());
    }

    /**
     * The entries there are now: the dashboard, each running record type with portal pages (by its order, then
     * label), then each running part with a key (a key a record type has already stays the record type's).
     */
    private Map<String, String> defaultLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DASHBOARD, "Dashboard");
        plugins.names(RecordType.class).stream()
                .map(name -> plugins.find(RecordType.class, name).map(t -> Map.entry(name, t.descriptor())))
                .flatMap(Optional::stream)
                .filter(e -> e.getValue().portalPages())
                .sorted(Comparator.comparingInt((Map.Entry<String, RecordTypeDescriptor> e) -> e.getValue()
                        .sidebarOrder()).thenComparing(e -> e.getValue().label()))
                .forEach(e -> labels.put(e.getKey(), e.getValue().label()));
        parts.forEach(part -> labels.putIfAbsent(part.key(), part.label()));
        return labels;
    }

    private List<Placement> read() {
        try (SqlSession session = sessions.openSession()) {
            return List.copyOf(session.getMapper(SidebarMapper.class).placements());
        }
    }

    /** A running sidebar part an admin can place: its key and default label. */
    private record Part(String key, String label, Navigation navigation) {
    }
}
