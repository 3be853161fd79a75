package io.portico.core.internal;

import io.portico.api.fieldmap.FieldMapper;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginKind;
import io.portico.api.plugin.PluginName;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.plugin.PluginState;
import io.portico.api.recordtype.RecordType;
import io.portico.api.sso.SsoProvider;
import io.portico.api.web.PorticoResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks every plugin service by SPI kind as plugins come and go, and reports the plugins that could not start.
 */
@Component(service = PluginRegistry.class, immediate = true)
public class PluginRegistryImpl implements PluginRegistry {

    private static final Map<Class<?>, PluginKind> SPI_KINDS = Map.of(
            RecordType.class, PluginKind.RECORD_TYPE,
            SsoProvider.class, PluginKind.SSO_PROVIDER,
            PaymentProcessor.class, PluginKind.PAYMENT_PROCESSOR,
            FieldMapper.class, PluginKind.FIELD_MAPPER);

    private final Map<PluginKind, NamedServices> registries = new EnumMap<>(PluginKind.class);
    private final PluginProblems problems;
    private final BundleContext context;
    private final ServiceTracker<Object, Object> resources;

    @Activate
    public PluginRegistryImpl(BundleContext context, @Reference ServiceComponentRuntime scr)
            throws InvalidSyntaxException {
        SPI_KINDS.values().forEach(kind -> registries.put(kind, new NamedServices(kind)));
        problems = new PluginProblems(context, scr, SPI_KINDS.keySet());
        context.addBundleListener(problems);
        this.context = context;
        // JAX-RS resources have no common type, so DS cannot filter them (it always filters on objectClass).
        resources = new ServiceTracker<>(context,
                context.createFilter("(" + PorticoResource.PROPERTY + "=true)"), null);
        resources.open(true);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(problems);
        resources.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecordType(RecordType service, ServiceReference<RecordType> ref) {
        add(PluginKind.RECORD_TYPE, service, ref);
    }

    void unbindRecordType(ServiceReference<RecordType> ref) {
        remove(PluginKind.RECORD_TYPE, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSsoProvider(SsoProvider service, ServiceReference<SsoProvider> ref) {
        add(PluginKind.SSO_PROVIDER, service, ref);
    }

    void unbindSsoProvider(ServiceReference<SsoProvider> ref) {
        remove(PluginKind.SSO_PROVIDER, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPaymentProcessor(PaymentProcessor service, ServiceReference<PaymentProcessor> ref) {
        add(PluginKind.PAYMENT_PROCESSOR, service, ref);
    }

    void unbindPaymentProcessor(ServiceReference<PaymentProcessor> ref) {
        remove(PluginKind.PAYMENT_PROCESSOR, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFieldMapper(FieldMapper service, ServiceReference<FieldMapper> ref) {
        add(PluginKind.FIELD_MAPPER, service, ref);
    }

    void unbindFieldMapper(ServiceReference<FieldMapper> ref) {
        remove(PluginKind.FIELD_MAPPER, ref);
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> all = new ArrayList<>();
        registries.values().forEach(r -> all.addAll(r.infos()));
        ServiceReference<Object>[] refs = resources.getServiceReferences();
        if (refs != null) {
            for (ServiceReference<Object> ref : refs) {
                Bundle b = ref.getBundle();
                if (b != null) {
                    all.add(new PluginInfo(PluginKind.WEB_RESOURCE, resourceName(ref), b.getBundleId(),
                            b.getSymbolicName(), b.getVersion().toString(), PluginState.ACTIVE, ""));
                }
            }
        }
        all.addAll(problems.failures());
        all.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::name)
                .thenComparing(PluginInfo::state));
        return all;
    }

    @Override
    public <S> Optional<S> find(Class<S> spi, String name) {
        return registry(spi).active(name).map(e -> spi.cast(e.service()));
    }

    @Override
    public <S> List<String> names(Class<S> spi) {
        return registry(spi).activeNames();
    }

    private NamedServices registry(Class<?> spi) {
        PluginKind kind = SPI_KINDS.get(spi);
        if (kind == null) {
            throw new IllegalArgumentException(spi.getName() + " is not a Portico SPI type");
        }
        return registries.get(kind);
    }

    private void add(PluginKind kind, Object service, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        Object name = ref.getProperty(PluginName.PROPERTY);
        registries.get(kind).add(new PluginEntry(name instanceof String s ? s : null,
                ranking instanceof Integer i ? i : 0, (Long) ref.getProperty(Constants.SERVICE_ID),
                b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), service));
    }

    private void remove(PluginKind kind, ServiceReference<?> ref) {
        registries.get(kind).remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    private static String resourceName(ServiceReference<?> ref) {
        Object name = ref.getProperty(PluginName.PROPERTY);
        if (name instanceof String s) {
            return s;
        }
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        return classes[0].substring(classes[0].lastIndexOf('.') + 1);
    }
}
