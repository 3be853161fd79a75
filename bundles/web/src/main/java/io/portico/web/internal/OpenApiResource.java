package io.portico.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * {@code /api/openapi.json}: an OpenAPI 3 description of every JAX-RS endpoint mounted right now, read from Jersey's
 * resource model, so plugins' endpoints appear and disappear with their bundles.
 */
@Path("api/openapi.json")
public final class OpenApiResource {

    private static final Map<Parameter.Source, String> LOCATIONS = Map.of(
            Parameter.Source.PATH, "path",
            Parameter.Source.QUERY, "query",
            Parameter.Source.HEADER, "header",
            Parameter.Source.COOKIE, "cookie");

    private final String version;

    @Context
    private ExtendedResourceContext context;

    OpenApiResource(String version) {
        this.version = version;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> describe() {
        Map<String, Object> paths = new TreeMap<>();
        for (Resource resource : context.getResourceModel().getRootResources()) {
            collect(resource, "", paths);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Portico", "version", version));
        doc.put("paths", paths);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Resource resource, String parentPath, Map<String, Object> paths) {
        String path = join(parentPath, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Map<String, Object> operations = (Map<String, Object>) paths.computeIfAbsent(path,
                    p -> new TreeMap<String, Object>());
            operations.put(method.getHttpMethod().toLowerCase(Locale.ROOT), operation(method));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, paths);
        }
    }

    private static Map<String, Object> operation(ResourceMethod method) {
        Map<String, Object> operation = new LinkedHashMap<>();
        var handler = method.getInvocable().getHandlingMethod();
        operation.put("operationId", handler.getDeclaringClass().getSimpleName() + "." + handler.getName());
        List<Map<String, Object>> parameters = new ArrayList<>();
        Map<String, Object> formFields = new LinkedHashMap<>();
        Parameter entity = null;
        for (Parameter p : method.getInvocable().getParameters()) {
            String in = LOCATIONS.get(p.getSource());
            if (in != null) {
                parameters.add(Map.of("name", p.getSourceName(), "in", in, "required", "path".equals(in),
                        "schema", Map.of("type", "string")));
            } else if (p.getSource() == Parameter.Source.FORM) {
                formFields.put(p.getSourceName(), Map.of("type", "string"));
            } else if (p.getSource() == Parameter.Source.ENTITY) {
                entity = p;
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> requestContent = new LinkedHashMap<>();
        if (!formFields.isEmpty()) {
            requestContent.put(MediaType.APPLICATION_FORM_URLENCODED, Map.of("schema",
                    Map.of("type", "object", "properties", formFields)));
        }
        if (entity != null) {
            Map<String, Object> schema = Map.of("schema", JsonSchemas.of(entity.getType()));
            List<MediaType> consumes = method.getConsumedTypes();
            (consumes.isEmpty() ? List.of(MediaType.WILDCARD_TYPE) : consumes)
                    .forEach(type -> requestContent.putIfAbsent(type.toString(), schema));
        }
        if (!requestContent.isEmpty()) {
            operation.put("requestBody", Map.of("content", requestContent));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        method.getProducedTypes().forEach(type -> content.put(type.toString(), Map.of()));
        operation.put("responses", Map.of("default", content.isEmpty()
                ? Map.of("description", "response")
                : Map.of("description", "response", "content", content)));
        return operation;
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : withoutPatterns(path))).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** OpenAPI names path parameters only: {@code {id: [0-9]{1,18}}} becomes {@code {id}}. */
    static String withoutPatterns(String template) {
        StringBuilder out = new StringBuilder(template.length());
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                continue;
            }
            int depth = 1;
            int colon = -1;
            int j = i + 1;
            for (; j < template.length() && depth > 0; j++) {
                char d = template.charAt(j);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                if (d == ':' && depth == 1 && colon < 0) {
                    colon = j;
                }
            }
            out.append('{').append(template, i + 1, colon < 0 ? j - 1 : colon).append('}');
            i = j - 1;
        }
        return out.toString().replaceAll("\\{\\s*([^}\\s]+)\\s*}", "{$1}");
    }
}
