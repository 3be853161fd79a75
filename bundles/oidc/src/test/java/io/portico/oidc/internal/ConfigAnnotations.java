package io.portico.oidc.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component property type instances from a map, as DS would build them from a configuration. */
final class ConfigAnnotations {

    private ConfigAnnotations() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue()));
    }
}
