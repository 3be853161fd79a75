package io.portico.testing;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.portico.api.web.Branding;
import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Pages} service for tests of a bundle's pages: renders the bundle's templates from the class path with
 * FreeMarker set up as the web bundle sets it up (HTML auto-escaping for {@code .ftlh}, errors thrown, no class
 * access from templates), inside a bare layout instead of the web bundle's.
 */
public final class TestPages implements Pages {

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final Branding branding = new Branding("Acme Portal", "#123456", null);

    public TestPages() {
        freemarker.setTemplateLoader(new ClassTemplateLoader(TestPages.class.getClassLoader(), ""));
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    @Override
    public String render(Class<?> owner, String template, Map<String, ?> model) {
        String title = String.valueOf(model.get("title")).replace("&", "&amp;").replace("<", "&lt;");
        return "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>\n"
                + fragment(owner, template, model) + "</body></html>";
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
