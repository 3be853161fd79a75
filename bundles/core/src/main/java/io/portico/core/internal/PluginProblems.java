package io.portico.core.internal;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginName;
import io.portico.api.plugin.PluginState;
import io.portico.api.web.PorticoResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Finds plugins that never came up: components that failed to activate or wait for a missing service, and
 * bundles that use the Portico API but cannot resolve. Reading every component's DTO is not cheap and /health asks
 * often, so the report is kept until a bundle changes or it is a second old.
 */
final class PluginProblems implements SynchronousBundleListener {

    /** Component failures show in no event, so the report is recomputed at least this often. */
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private static final String API_PACKAGE_PREFIX = "io.portico.api";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Set<String> spiTypes;
    private volatile List<PluginInfo> cached;
    private volatile long cachedAt;

    PluginProblems(BundleContext context, ServiceComponentRuntime scr, Set<Class<?>> spiTypes) {
        this.context = context;
        this.scr = scr;
        this.spiTypes = spiTypes.stream().map(Class::getName).collect(Collectors.toSet());
    }

    /** Bundle changes (install, resolve, uninstall) invalidate the report at once. */
    @Override
    public void bundleChanged(BundleEvent event) {
        cached = null;
    }

    List<PluginInfo> failures() {
        List<PluginInfo> report = cached;
        if (report == null || System.nanoTime() - cachedAt > MAX_AGE_NANOS) {
            cachedAt = System.nanoTime();
            report = List.copyOf(compute());
            cached = report;
        }
        return report;
    }

    private List<PluginInfo> compute() {
        List<PluginInfo> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            PluginKind kind = kindOf(description);
            if (kind == null) {
                continue;
            }
            for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                String problem = problem(config);
                if (problem != null) {
                    Bundle b = context.getBundle(description.bundle.id);
                    failures.add(new PluginInfo(kind, pluginName(description), description.bundle.id,
                            description.bundle.symbolicName, b == null ? "" : b.getVersion().toString(),
                            PluginState.FAILED, problem));
                }
            }
        }
        failures.addAll(unresolvedBundles());
        return failures;
    }

    private PluginKind kindOf(ComponentDescriptionDTO description) {
        if (Boolean.parseBoolean(String.valueOf(description.properties.get(PorticoResource.PROPERTY)))) {
            return PluginKind.WEB_RESOURCE;
        }
        for (String type : description.serviceInterfaces) {
            if (spiTypes.contains(type)) {
                return switch (type.substring(type.lastIndexOf('.') + 1)) {
                    case "RecordType" -> PluginKind.RECORD_TYPE;
                    case "SsoProvider" -> PluginKind.SSO_PROVIDER;
                    case "PaymentProcessor" -> PluginKind.PAYMENT_PROCESSOR;
                    default -> PluginKind.FIELD_MAPPER;
                };
            }
        }
        return null;
    }

    private static String pluginName(ComponentDescriptionDTO description) {
        Object name = description.properties.get(PluginName.PROPERTY);
        return name instanceof String s ? s : description.name;
    }

    private static String problem(ComponentConfigurationDTO config) {
        if (config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
            String failure = config.failure == null ? "unknown error" : config.failure.lines().findFirst().orElse("");
            return "activation failed: " + failure;
        }
        if (config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            return "waiting for services: " + Arrays.stream(config.unsatisfiedReferences)
                    .map(PluginProblems::describe).collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String describe(UnsatisfiedReferenceDTO ref) {
        return ref.name + (ref.target == null ? "" : " " + ref.target);
    }

    /** Bundles that import the Portico API but stay INSTALLED because some package they import has no exporter. */
    private List<PluginInfo> unresolvedBundles() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<PluginInfo> failures = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.INSTALLED) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            List<BundleRequirement> imports = revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE);
            boolean usesApi = imports.stream().anyMatch(r -> importedPackage(r).startsWith(API_PACKAGE_PREFIX));
            if (!usesApi) {
                continue;
            }
            String missing = imports.stream()
                    .filter(r -> !PackageNamespace.RESOLUTION_OPTIONAL.equals(
                            r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE)))
                    .filter(r -> wiring.findProviders(r).isEmpty())
                    .map(r -> r.getDirectives().getOrDefault("filter", importedPackage(r)))
                    .collect(Collectors.joining(", "));
            failures.add(new PluginInfo(PluginKind.BUNDLE, bundle.getSymbolicName(), bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), PluginState.FAILED,
                    "not resolved, missing dependencies: " + (missing.isEmpty() ? "see bundle:diag" : missing)));
        }
        return failures;
    }

    private static String importedPackage(BundleRequirement requirement) {
        Object pkg = requirement.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
        if (pkg != null) {
            return pkg.toString();
        }
        String filter = requirement.getDirectives().getOrDefault("filter", "");
        int start = filter.indexOf(PackageNamespace.PACKAGE_NAMESPACE + "=");
        if (start < 0) {
            return "";
        }
        int end = filter.indexOf(')', start);
        return filter.substring(start + PackageNamespace.PACKAGE_NAMESPACE.length() + 1, end);
    }
}
