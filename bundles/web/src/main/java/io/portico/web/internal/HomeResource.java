package io.portico.web.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** The portal's front door. */
@Path("")
public final class HomeResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String home() {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Portico</title>
                <link rel="stylesheet" href="/static/portico.css"></head>
                <body><main><h1>Portico</h1>
                <p>Your invoices, orders and payments, in one place.</p>
                <p><a href="/health">Server health</a></p></main></body>
                </html>
                """;
    }
}
