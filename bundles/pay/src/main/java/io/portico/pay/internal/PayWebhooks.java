package io.portico.pay.internal;

import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.WebhookRequest;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.web.PorticoResource;
import io.portico.api.web.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where processors report changes: each request is verified by its processor, stored once by event id (a
 * redelivery is a no-op) and answered at once; {@link PayWorker} processes it afterwards by asking the processor for
 * the payment's current state. A forged or stale request changes nothing, is logged, and gets a 400.
 */
@Component(service = PayWebhooks.class, property = PorticoResource.PROPERTY + "=true")
@Path("api/pay/webhooks")
public final class PayWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(PayWebhooks.class);

    private final PayCore core;
    private final PluginRegistry plugins;
    private final PayWorker worker;

    @Activate
    public PayWebhooks(@Reference PayCore core, @Reference PluginRegistry plugins, @Reference PayWorker worker) {
        this.core = core;
        this.plugins = plugins;
        this.worker = worker;
    }

    /** One webhook request from the processor plugin named {@code processor}. */
    @POST
    @Path("{processor}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receive(@PathParam("processor") String processor, byte[] body,
            @Context HttpHeaders headers) {
        return receive(processor, null, body, headers);
    }

    /** One webhook request to one of the endpoints of a processor that has several (Stripe: account, Connect). */
    @POST
    @Path("{processor}/{endpoint: [a-z0-9-]{1,32}}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receiveAt(@PathParam("processor") String processor,
            @PathParam("endpoint") String endpoint, byte[] body, @Context HttpHeaders headers) {
        return receive(processor, endpoint, body, headers);
    }

    private Map<String, Object> receive(String processor, String endpoint, byte[] body, HttpHeaders headers) {
        PaymentProcessor plugin = plugins.find(PaymentProcessor.class, processor)
                .orElseThrow(() -> ProblemException.notFound("There is no such payment processor here."));
        Map<String, List<String>> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
        ProcessorEvent event;
        try {
            event = plugin.verifyWebhook(new WebhookRequest(body == null ? new byte[0] : body, lowerCase,
                    endpoint));
        } catch (PaymentException e) {
            LOG.warn("Refused a webhook request for processor {}: {}", processor, e.getMessage());
            throw ProblemException.badRequest("The webhook's signature does not check out.");
        }
        boolean fresh;
        try (SqlSession session = core.sessions().openSession(true)) {
            fresh = session.getMapper(PayMapper.class).insertWebhookEvent(processor, event) == 1;
        }
        if (fresh) {
            worker.wake();
        }
        return Map.of("received", true, "duplicate", !fresh);
    }
}
