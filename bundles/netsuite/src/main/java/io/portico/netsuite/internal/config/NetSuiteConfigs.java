package io.portico.netsuite.internal.config;

import java.lang.reflect.Proxy;
import java.util.Map;

/** {@link NetSuiteConfig} from properties, the way DS builds it: the values given, else the annotation's defaults. */
public final class NetSuiteConfigs {

    private NetSuiteConfigs() {
    }

    public static NetSuiteConfig of(Map<String, ?> properties) {
        Map<String, ?> values = Map.copyOf(properties);
        return (NetSuiteConfig) Proxy.newProxyInstance(NetSuiteConfig.class.getClassLoader(),
                new Class<?>[] {NetSuiteConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> NetSuiteConfig.class;
                    case "toString" -> "NetSuiteConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        Object value = values.get(method.getName());
                        yield value != null ? value : method.getDefaultValue();
                    }
                });
    }
}
