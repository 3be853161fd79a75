package io.portico.web.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Branding;
import io.portico.api.web.BrandingSource;
import io.portico.api.web.Navigation;
import io.portico.api.web.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/** The {@link Pages} service: FreeMarker templates from any bundle, in the web bundle's layout. */
@Component(service = Pages.class, configurationPid = "io.portico.branding")
@Designate(ocd = BrandingConfig.class)
public class PagesComponent implements Pages {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOUR = "#1f4e79";

    private final PageRenderer renderer;
    /** The configuration file's branding, shown while no {@link BrandingSource} (Settings &gt; Branding) runs. */
    private volatile Branding configured;

    @Activate
    public PagesComponent(BundleContext context, BrandingConfig config) {
        renderer = new PageRenderer(new BundleTemplateLoader(context),
                BundleTemplateLoader.name(context.getBundle(), templatePath(PagesComponent.class,
                        PageRenderer.LAYOUT)));
        modified(config);
    }

    @Modified
    void modified(BrandingConfig config) {
        configured = branding(config);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BrandingSource brandingSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Navigation navigation;

    @Override
    public String render(Class<?> owner, String template, Map<String, ?> model) {
        return renderer.render(templateName(owner, template), withSidebar(model), branding());
    }

    /** A signed-in user's page gets the sidebar, its entry for the page marked current. */
    private Map<String, ?> withSidebar(Map<String, ?> model) {
        Navigation nav = navigation;
        if (nav == null || model.containsKey("sidebar") || !(model.get("user") instanceof PortalUser user)) {
            return model;
        }
        Object path = model.get("currentPath");
        List<Map<String, Object>> sidebar = new ArrayList<>();
        for (Navigation.Entry entry : nav.entries(user)) {
            boolean current = path instanceof String p && (p.equals(entry.href()) || p.startsWith(entry.href() + "/"));
            Map<String, Object> item = new HashMap<>(Map.of("label", entry.label(), "href", entry.href(),
                    "current", current));
            if (entry.icon() != null) {
                item.put("icon", entry.icon());
            }
            sidebar.add(item);
        }
        Map<String, Object> withSidebar = new HashMap<>(model);
        withSidebar.put("sidebar", sidebar);
        return withSidebar;
    }

    @Override
    public String fragment(Class<?> owner, String template, Map<String, ?> model) {
        return renderer.fragment(templateName(owner, template), model, branding());
    }

    private static String templateName(Class<?> owner, String template) {
        Bundle bundle = FrameworkUtil.getBundle(owner);
        if (bundle == null) {
            throw new IllegalArgumentException(owner.getName() + " does not belong to a bundle");
        }
        return BundleTemplateLoader.name(bundle, templatePath(owner, template));
    }

    @Override
    public Branding branding() {
        BrandingSource source = brandingSource;
        return source == null ? configured : source.branding();
    }

    static String templatePath(Class<?> owner, String template) {
        return owner.getPackageName().replace('.', '/') + "/" + template;
    }

    static Branding branding(BrandingConfig config) {
        String colour = COLOUR.matcher(config.colour()).matches() ? config.colour() : DEFAULT_COLOUR;
        String logo = config.logoPath() == null || config.logoPath().isBlank() ? null : config.logoPath().strip();
        String name = config.name() == null || config.name().isBlank() ? "Portico" : config.name().strip();
        return new Branding(name, colour, logo);
    }
}
