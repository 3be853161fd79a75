package io.portico.web.internal;

import io.portico.api.web.Pages;
import io.portico.api.web.PorticoResource;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.Servlet;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Portico's JAX-RS application from one Jersey servlet on the Pax Web whiteboard, and mounts or unmounts
 * every service marked {@code portico.jaxrs.resource=true} while the server runs.
 */
@Component(immediate = true, service = {})
public class JerseyComponent {

    private static final Logger LOG = LoggerFactory.getLogger(JerseyComponent.class);
    /** Plugins often start in bursts (a feature install); one reload serves the whole burst. */
    private static final long RELOAD_DEBOUNCE_MILLIS = 100;

    private final BundleContext context;
    private final Pages pages;
    private final HttpMetrics metrics = new HttpMetrics();
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "portico-jersey-reload"));
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private final ServiceTracker<Object, Object> resources;
    private final ReloadableServletContainer servlet;
    private final ServiceRegistration<Servlet> servletRegistration;
    private final ServiceRegistration<Object> staticRegistration;

    @Activate
    public JerseyComponent(BundleContext context, @Reference Pages pages) throws InvalidSyntaxException {
        this.context = context;
        this.pages = pages;
        this.servlet = new ReloadableServletContainer(application(), pages);
        resources = new ServiceTracker<>(context,
                context.createFilter("(" + PorticoResource.PROPERTY + "=true)"), new ResourceTracking());
        resources.open(true);

        Dictionary<String, Object> servletProps = new Hashtable<>();
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "portico");
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/*");
        servletProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, true);
        servletRegistration = context.registerService(Servlet.class, servlet, servletProps);

        Dictionary<String, Object> staticProps = new Hashtable<>();
        staticProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN, "/static/*");
        staticProps.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX, "/static");
        staticRegistration = context.registerService(Object.class, new Object(), staticProps);
    }

    @Deactivate
    void deactivate() {
        resources.close();
        reloader.shutdownNow();
        staticRegistration.unregister();
        servletRegistration.unregister();
    }

    private ResourceConfig application() {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new ObjectMapperProvider())
                .register(new ProblemMapper(pages))
                .register(new RequestGuard())
                .register(new FormsOnly())
                .register(metrics)
                .register(new SecurityHeaders())
                .register(new MetricsResource(metrics))
                .register(new OpenApiResource(context.getBundle().getVersion().toString()))
                .register(new HomeResource());
        if (resources != null) {
            ServiceReference<Object>[] refs = resources.getServiceReferences();
            if (refs != null) {
                for (ServiceReference<Object> ref : refs) {
                    Object resource = resources.getService(ref);
                    if (resource != null) {
                        config.register(resource);
                    }
                }
            }
        }
        return config;
    }

    private void scheduleReload() {
        if (reloadPending.compareAndSet(false, true)) {
            reloader.schedule(this::reload, RELOAD_DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        reloadPending.set(false);
        try {
            long start = System.nanoTime();
            servlet.reload(application());
            LOG.info("JAX-RS application reloaded with {} plugin resources in {} ms", resources.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("JAX-RS application reload failed; the previous application keeps serving", e);
        }
    }

    private final class ResourceTracking implements ServiceTrackerCustomizer<Object, Object> {

        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service != null) {
                scheduleReload();
            }
            return service;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object service) {
            scheduleReload();
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object service) {
            context.ungetService(reference);
            scheduleReload();
        }
    }
}
