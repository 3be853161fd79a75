package io.portico.identity.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.portico.api.web.Branding;
import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Renders the identity bundle's templates from the class path, inside a bare layout, as the web bundle would. */
public final class TestPages implements Pages {

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final Branding branding = new Branding("Acme Portal", "#123456", null);

    public TestPages() {
        freemarker.setTemplateLoader(new ClassTemplateLoader(TestPages.class.getClassLoader(), ""));
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocalizedLookup(false);
    }

    @Override
    public String render(Class<?> owner, String template, Map<String, ?> model) {
        return "<!doctype html><html><head><title>" + model.get("title") + "</title></head><body><h1>"
                + model.get("title") + "</h1>\n" + fragment(owner, template, model) + "</body></html>";
    }

    @Override
    public String fragment(Class<?> owner, String template, Map<String, ?> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("brand", branding);
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(owner.getPackageName().replace('.', '/') + "/" + template).process(data, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalArgumentException(template + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Branding branding() {
        return branding;
    }
}
