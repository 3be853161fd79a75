package io.portico.identity.internal.web;

import io.portico.api.web.Pages;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Responses for the identity pages: rendered, never cached, with any cookies the step set. */
final class Html {

    private Html() {
    }

    static Response page(Pages pages, int status, String template, Map<String, ?> model, String... cookies) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(Html.class, template, model))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        for (String cookie : cookies) {
            response.header(HttpHeaders.SET_COOKIE, cookie);
        }
        return response.build();
    }

    /** 303 to a local path: after a POST the browser loads the next page with a GET. */
    static Response redirect(String path, String... cookies) {
        Response.ResponseBuilder response = Response.seeOther(URI.create(path))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        for (String cookie : cookies) {
            response.header(HttpHeaders.SET_COOKIE, cookie);
        }
        return response.build();
    }

    /** A model with the page title and the form token. */
    static Map<String, Object> model(String title, String csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("csrf", csrf);
        return model;
    }
}
