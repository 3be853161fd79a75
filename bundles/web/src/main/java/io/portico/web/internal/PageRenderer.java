package io.portico.web.internal;

import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.portico.api.web.Branding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page's content template, then the shared layout around it. Templates are {@code .ftlh}, so every
 * {@code ${...}} is HTML-escaped; templates cannot instantiate classes or reach the Java API.
 */
final class PageRenderer {

    static final String LAYOUT = "layout.ftlh";

    private final Configuration freemarker;
    private final String layoutName;

    PageRenderer(TemplateLoader loader, String layoutName) {
        this.layoutName = layoutName;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(loader);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setLocalizedLookup(false);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    String render(String contentTemplate, Map<String, ?> model, Branding branding) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("brand", branding);
        data.put("brandCss", brandCss(branding));
        data.put("content", process(contentTemplate, data));
        return process(layoutName, data);
    }

    String fragment(String template, Map<String, ?> model, Branding branding) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("brand", branding);
        return process(template, data);
    }

    /**
     * The branding's stylesheet, named by its content (a record's hash, the same on every node): a change in
     * Settings &gt; Branding is a new address, so no browser keeps the old colours.
     */
    static String brandCss(Branding branding) {
        return "/brand.css?v=" + Integer.toHexString(branding.hashCode());
    }

    private String process(String name, Map<String, Object> data) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(data, out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("No page template " + name + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("Page template " + name + " failed: " + e.getMessageWithoutStackTop(),
                    e);
        }
    }
}
