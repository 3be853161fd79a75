package io.portico.mail.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.portico.api.web.Branding;
import io.portico.api.web.Pages;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Renders templates from the test class path as the web bundle renders them from bundles. */
final class FreemarkerPages implements Pages {

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final Branding branding = new Branding("Acme Portal", "#123456", null);

    FreemarkerPages() {
        freemarker.setTemplateLoader(new ClassTemplateLoader(FreemarkerPages.class.getClassLoader(), ""));
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setDefaultEncoding("UTF-8");
    }

    @Override
    public String render(Class<?> owner, String template, Map<String, ?> model) {
        return fragment(owner, template, model);
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
