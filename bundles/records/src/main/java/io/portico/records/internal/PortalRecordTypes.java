package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.fieldmap.FieldMapper;
import io.portico.api.fieldmap.MappedFields;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.FieldDescriptor;
import io.portico.api.recordtype.FieldType;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Navigation;
import io.portico.api.web.ProblemException;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The record types a user browses in the portal, live from the plugin registry: those whose descriptor has portal
 * pages, that the operator has not hidden (Settings &gt; Sidebar, {@link SidebarLayout}) and that the user may view.
 * The sidebar is built from them, in the operator's order with the operator's labels and icons (record types not
 * placed there follow in their descriptors' order), so a plugin's entry comes and goes with it. Each type's
 * descriptor reaches the pages, CSV and API through the {@link FieldMapper}s: labels, hidden fields, columns' order,
 * value maps; other bundles (PDFs) read the same through {@link MappedFields}.
 * Other bundles' pages (documents, statements) join the sidebar as parts: they register a {@link Navigation} with
 * {@link Navigation#PART}{@code =true}, and this one, ranked above them, is the sidebar the layout shows. A part with a
 * {@link Navigation#PART_KEY} is placed, labelled, iconed and hidden by the operator like a record type; one not
 * placed (or without a key) follows the record types.
 */
@Component(service = {PortalRecordTypes.class, Navigation.class, MappedFields.class},
        property = "service.ranking:Integer=100")
public final class PortalRecordTypes implements Navigation, MappedFields {

    static final String DASHBOARD = "/dashboard";

    private final PluginRegistry plugins;
    private final List<Part> parts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Navigation.PART + "=true)")
    void addPart(Navigation part, Map<String, Object> properties) {
        parts.add(new Part(properties.get(Navigation.PART_KEY) instanceof String key ? key : null, part));
    }

    void removePart(Navigation part) {
        parts.removeIf(p -> p.navigation() == part);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SidebarLayout layout;

    /** Field-mapper plugins, lowest service ranking first (DS keeps them in that order): the last has the last word. */
    @Reference(service = FieldMapper.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<FieldMapper> mappers = List.of();

    @Activate
    public PortalRecordTypes(@Reference PluginRegistry plugins) {
        this.plugins = plugins;
    }

    PortalRecordTypes(PluginRegistry plugins, SidebarLayout layout, List<FieldMapper> mappers) {
        this.plugins = plugins;
        this.layout = layout;
        this.mappers = mappers;
    }

    /** The user's record types, in sidebar order. */
    List<Named> visible(PortalUser user) {
        Map<String, Placed> placements = placements();
        List<Named> types = new ArrayList<>();
        for (String name : plugins.names(RecordType.class)) {
            find(user, name, placements).ifPresent(types::add);
        }
        types.sort(Comparator.comparingInt((Named n) -> position(placements, n.name()))
                .thenComparingInt(n -> n.descriptor().sidebarOrder()).thenComparing(n -> n.descriptor().label()));
        return types;
    }

    /**
     * A running record type's descriptor as the field mappers make it, whoever reads it: what the record reader
     * searches and sorts by.
     */
    Optional<RecordTypeDescriptor> descriptor(String name) {
        return plugins.find(RecordType.class, name).map(RecordType::descriptor).map(d -> mapped(name, d, d.label()));
    }

    /** The record type if the user may browse it; else 404, exactly as for a type that does not exist. */
    Named require(PortalUser user, String name) {
        return find(user, name).orElseThrow(() -> ProblemException.notFound("There are no records of that kind here."));
    }

    private Optional<Named> find(PortalUser user, String name) {
        return find(user, name, placements());
    }

    private Optional<Named> find(PortalUser user, String name, Map<String, Placed> placements) {
        Placed placed = placements.get(name);
        if (placed != null && placed.placement().hidden()) {
            return Optional.empty();
        }
        return plugins.find(RecordType.class, name).map(RecordType::descriptor)
                .filter(d -> d.portalPages() && user.canView(name))
                .map(d -> new Named(name, mapped(name, d, placed == null || placed.placement().label() == null
                        ? d.label() : placed.placement().label())));
    }

    @Override
    public List<Entry> entries(PortalUser user) {
        Map<String, Placed> placements = placements();
        // Listed as they go when not placed: the dashboard first, the record types, then the parts. A stable sort
        // by position then moves the placed ones to the operator's order, ahead of those not placed.
        List<Positioned> entries = new ArrayList<>();
        Placed dashboard = placements.get(SidebarLayout.DASHBOARD);
        entries.add(new Positioned(dashboard == null ? -1 : dashboard.position(), new Entry(dashboard == null
                || dashboard.placement().label() == null ? "Dashboard" : dashboard.placement().label(), DASHBOARD,
                icon(placements, SidebarLayout.DASHBOARD))));
        for (Named type : visible(user)) {
            entries.add(new Positioned(position(placements, type.name()), new Entry(type.descriptor().label(),
                    "/records/" + type.name(), icon(placements, type.name()))));
        }
        for (Part part : parts) {
            Placed placed = part.key() == null ? null : placements.get(part.key());
            if (placed != null && placed.placement().hidden()) {
                continue;
            }
            for (Entry entry : part.navigation().entries(user)) {
                entries.add(new Positioned(position(placements, part.key()), part.key() == null ? entry
                        : new Entry(placed == null || placed.placement().label() == null ? entry.label()
                                : placed.placement().label(), entry.href(), icon(placements, part.key()))));
            }
        }
        entries.sort(Comparator.comparingInt(Positioned::position));
        return entries.stream().map(Positioned::entry).toList();
    }

    /** The operator's placements by key, with their positions; empty while the settings bundle is not running. */
    private Map<String, Placed> placements() {
        SidebarLayout current = layout;
        if (current == null) {
            return Map.of();
        }
        Map<String, Placed> placements = new HashMap<>();
        List<SidebarLayout.Placement> list = current.placements();
        for (int i = 0; i < list.size(); i++) {
            placements.put(list.get(i).key(), new Placed(i, list.get(i)));
        }
        return placements;
    }

    private static int position(Map<String, Placed> placements, String key) {
        Placed placed = key == null ? null : placements.get(key);
        return placed == null ? Integer.MAX_VALUE : placed.position();
    }

    private static String icon(Map<String, Placed> placements, String key) {
        Placed placed = placements.get(key);
        return placed == null || placed.placement().icon() == null ? SidebarIcons.defaultFor(key)
                : placed.placement().icon();
    }

    /** The descriptor as the portal shows it: the operator's label, the field mappers' columns and fields. */
    private RecordTypeDescriptor mapped(String type, RecordTypeDescriptor d, String label) {
        List<FieldMapper> chain = mappers;
        if (chain.isEmpty() && label.equals(d.label())) {
            return d;
        }
        List<String> columns = keys(d.listColumns());
        List<String> details = keys(d.detailFields());
        for (FieldMapper mapper : chain) {
            columns = List.copyOf(mapper.listColumns(type, columns));
            details = List.copyOf(mapper.detailFields(type, details));
        }
        return new RecordTypeDescriptor(label, d.netsuiteRecord(), d.category(),
                fields(type, columns, known(d.listColumns(), d.detailFields())),
                fields(type, details, known(d.detailFields(), d.listColumns())), d.sidebarOrder(), d.portalPages(),
                d.lineLists());
    }

    /**
     * Each key's field as {@code own} describes it, else as {@code other} does: a field may differ between the list
     * and the detail page (a shipment's tracking numbers are text in the list, carrier links on its page).
     */
    private static Map<String, FieldDescriptor> known(List<FieldDescriptor> own, List<FieldDescriptor> other) {
        Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
        own.forEach(f -> fields.putIfAbsent(f.key(), f));
        other.forEach(f -> fields.putIfAbsent(f.key(), f));
        return fields;
    }

    private List<FieldDescriptor> fields(String type, List<String> keys, Map<String, FieldDescriptor> known) {
        List<FieldDescriptor> fields = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            // A key the record type does not describe is an attribute of its synced records, shown as text.
            FieldDescriptor field = known.containsKey(key) ? known.get(key)
                    : Columns.attributeKey(key) ? new FieldDescriptor(key, key, FieldType.TEXT) : null;
            if (field != null && visible(type, key)) {
                fields.add(new FieldDescriptor(key, label(type, key, field.label()), field.type()));
            }
        }
        return fields;
    }

    @Override
    public String label(String recordType, String fieldKey, String label) {
        String mapped = label;
        for (FieldMapper mapper : mappers) {
            mapped = mapper.label(recordType, fieldKey, mapped);
        }
        return mapped;
    }

    @Override
    public boolean visible(String recordType, String fieldKey) {
        return mappers.stream().allMatch(m -> m.visible(recordType, fieldKey));
    }

    @Override
    public Map<String, String> valueMap(String recordType, String fieldKey) {
        Map<String, String> values = Map.of();
        for (FieldMapper mapper : mappers) {
            values = Map.copyOf(mapper.valueMap(recordType, fieldKey, values));
        }
        return values;
    }

    private static List<String> keys(List<FieldDescriptor> fields) {
        return fields.stream().map(FieldDescriptor::key).toList();
    }

    private record Placed(int position, SidebarLayout.Placement placement) {
    }

    /** A sidebar part, with its key in Settings &gt; Sidebar ({@code null} when it cannot be placed). */
    private record Part(String key, Navigation navigation) {
    }

    private record Positioned(int position, Entry entry) {
    }

    record Named(String name, RecordTypeDescriptor descriptor) {
    }
}
