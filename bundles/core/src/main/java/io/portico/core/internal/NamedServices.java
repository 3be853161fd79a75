package io.portico.core.internal;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginName;
import io.portico.api.plugin.PluginState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one SPI kind, keyed by plugin name. When several services share a name, the one with the highest
 * {@code service.ranking} wins, then the lowest service id (the first registered); the others wait as fallbacks and
 * take over when the winner goes away. Services without a valid name are refused.
 */
final class NamedServices {

    private static final Logger LOG = LoggerFactory.getLogger(NamedServices.class);

    private static final Comparator<PluginEntry> PRECEDENCE = Comparator
            .comparingInt(PluginEntry::ranking).reversed()
            .thenComparingLong(PluginEntry::serviceId);

    private final PluginKind kind;
    private final Map<Long, PluginEntry> entries = new ConcurrentHashMap<>();

    NamedServices(PluginKind kind) {
        this.kind = kind;
    }

    void add(PluginEntry entry) {
        entries.put(entry.serviceId(), entry);
        String refusal = refusal(entry);
        if (refusal != null) {
            LOG.warn("Refused {} service {} from bundle {} ({}): {}", kind, entry.serviceId(),
                    entry.bundleSymbolicName(), entry.bundleId(), refusal);
        } else if (active(entry.name()).filter(a -> a.serviceId() != entry.serviceId()).isPresent()) {
            LOG.warn("{} '{}' from bundle {} ({}) is shadowed by a service with a higher ranking", kind, entry.name(),
                    entry.bundleSymbolicName(), entry.bundleId());
        } else {
            LOG.info("{} '{}' is active, from bundle {} ({})", kind, entry.name(), entry.bundleSymbolicName(),
                    entry.bundleId());
        }
    }

    void remove(long serviceId) {
        PluginEntry gone = entries.remove(serviceId);
        if (gone != null && refusal(gone) == null) {
            LOG.info("{} '{}' from bundle {} ({}) is gone", kind, gone.name(), gone.bundleSymbolicName(),
                    gone.bundleId());
        }
    }

    /** The service in use under a name. */
    Optional<PluginEntry> active(String name) {
        return entries.values().stream()
                .filter(e -> refusal(e) == null && e.name().equals(name))
                .min(PRECEDENCE);
    }

    List<String> activeNames() {
        return entries.values().stream().filter(e -> refusal(e) == null).map(PluginEntry::name)
                .distinct().sorted().toList();
    }

    List<PluginInfo> infos() {
        Map<String, List<PluginEntry>> byName = new TreeMap<>();
        List<PluginInfo> infos = new ArrayList<>();
        for (PluginEntry e : entries.values()) {
            String refusal = refusal(e);
            if (refusal != null) {
                infos.add(info(e, PluginState.REFUSED, refusal));
            } else {
                byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
            }
        }
        byName.values().forEach(group -> {
            group.sort(PRECEDENCE);
            infos.add(info(group.get(0), PluginState.ACTIVE, ""));
            group.stream().skip(1).forEach(e -> infos.add(info(e, PluginState.SHADOWED,
                    "name taken by service " + group.get(0).serviceId() + " of bundle "
                            + group.get(0).bundleSymbolicName() + " (higher ranking or registered first)")));
        });
        return infos;
    }

    private PluginInfo info(PluginEntry e, PluginState state, String detail) {
        return new PluginInfo(kind, e.name() == null ? "" : e.name(), e.bundleId(), e.bundleSymbolicName(),
                e.bundleVersion(), state, detail);
    }

    private static String refusal(PluginEntry e) {
        if (e.name() == null || e.name().isEmpty()) {
            return "no " + PluginName.PROPERTY + " service property (annotate the component with @PluginName)";
        }
        if (!PluginName.VALID.matcher(e.name()).matches()) {
            return "invalid name '" + e.name() + "': use lower-case letters, digits, '-' or '_', starting with a"
                    + " letter, at most 64 characters";
        }
        return null;
    }
}
