package io.portico.sync.internal.engine;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.internal.DefaultNetSuiteClient;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfig;
import io.portico.sandbox.NetSuiteSandbox;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** NetSuite clients for a sandbox, configured as an administrator would (TBA credentials, base URL). */
final class SandboxClients {

    private SandboxClients() {
    }

    static DefaultNetSuiteClient tba(NetSuiteSandbox sandbox, Object... overrides) {
        return tba(sandbox.accountId(), sandbox.baseUrl(), sandbox.credentials().consumerKey(),
                sandbox.credentials().consumerSecret(), sandbox.credentials().tokenId(),
                sandbox.credentials().tokenSecret(), overrides);
    }

    static DefaultNetSuiteClient tba(String accountId, String baseUrl, String consumerKey, String consumerSecret,
            String tokenId, String tokenSecret, Object... overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "accountId", accountId, "baseUrl", baseUrl, "authMethod", "tba",
                "consumerKey", consumerKey, "consumerSecret", consumerSecret,
                "tokenId", tokenId, "tokenSecret", tokenSecret,
                "retryBaseDelayMillis", 20, "retryMaxDelayMillis", 500));
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        NetSuiteConfig config = (NetSuiteConfig) Proxy.newProxyInstance(NetSuiteConfig.class.getClassLoader(),
                new Class<?>[] {NetSuiteConfig.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
        SecretBox plain = new SecretBox() {
            @Override
            public String seal(String plaintext) {
                return plaintext;
            }

            @Override
            public String reveal(String configuredValue) {
                return configuredValue;
            }
        };
        return new DefaultNetSuiteClient(ClientSettings.from(config, plain));
    }
}
