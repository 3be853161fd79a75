package io.portico.api.web;

/**
 * Service properties for JAX-RS resources and providers. Register any service with {@code portico.jaxrs.resource=true}
 * (for example {@code @Component(service = MyResource.class, property = PorticoResource.PROPERTY + "=true")}) and the
 * web bundle mounts it under {@code /} while the service is registered; its {@code @Path} is relative to the root.
 */
public final class PorticoResource {

    /** Marks a service as a JAX-RS resource or provider to mount. */
    public static final String PROPERTY = "portico.jaxrs.resource";

    private PorticoResource() {
    }
}
