package io.portico.plugins.paystripe.internal;

import io.portico.api.web.PorticoResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;

/** The checkout page's script, served by Portico (self-hosted, no inline code); it loads Stripe.js from Stripe. */
@Component(service = StripeResource.class, property = PorticoResource.PROPERTY + "=true")
@Path("pay-stripe")
public final class StripeResource {

    private final byte[] script;

    public StripeResource() {
        try (InputStream in = StripeResource.class.getResourceAsStream("checkout.js")) {
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("checkout.js")
    @Produces("text/javascript; charset=utf-8")
    public Response script() {
        return Response.ok(script).header("Cache-Control", "public, max-age=3600").build();
    }
}
