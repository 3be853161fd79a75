package io.portico.itest;

import io.portico.api.web.PorticoResource;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;

/** A plugin's JAX-RS resource: mounted while this bundle is active. */
@Component(service = HelloResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/test-plugin")
public class HelloResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> hello() {
        return Map.of("plugin", "test-plugin", "greeting", "hello");
    }
}
