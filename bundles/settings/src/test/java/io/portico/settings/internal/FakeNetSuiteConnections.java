package io.portico.settings.internal;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.AuthMethod;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.InvalidConnectionException;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.NetSuiteConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** NetSuite's connections as the settings tests need them: a source to set, validation of the token secret. */
final class FakeNetSuiteConnections implements NetSuiteConnections {

    /** Seals by wrapping in {@code ENC(…)} reversed, so that a plain value never matches its sealed form. */
    static final SecretBox SECRETS = new SecretBox() {
        @Override
        public String seal(String plaintext) {
            return "ENC(" + new StringBuilder(plaintext).reverse() + ")";
        }

        @Override
        public String reveal(String value) {
            return SecretBox.isSealed(value)
                    ? new StringBuilder(value.substring(4, value.length() - 1)).reverse().toString() : value;
        }
    };

    Source source = Source.NONE;
    final List<NetSuiteConnection> checked = new ArrayList<>();

    @Override
    public Source source() {
        return source;
    }

    @Override
    public Optional<NetSuiteAccount> account() {
        return Optional.empty();
    }

    @Override
    public Optional<String> problem() {
        return Optional.empty();
    }

    @Override
    public void validate(NetSuiteConnection c) {
        if (c.authMethod() == AuthMethod.TBA && c.tokenSecret() == null) {
            throw new InvalidConnectionException("tokenSecret", "tokenSecret is not configured");
        }
        if (c.tokenSecret() != null && SECRETS.reveal(c.tokenSecret()).equals("BAD-PEM")) {
            throw new InvalidConnectionException("privateKey", "privateKey is not a PKCS#8 PEM key");
        }
    }

    @Override
    public ConnectionCheck check(NetSuiteConnection c) {
        checked.add(c);
        return new ConnectionCheck(new NetSuiteAccount(c.accountId(), java.net.URI.create("http://localhost"),
                c.authMethod(), c.concurrencyLimit(), 6), 3, 0, 0, "HTTP 401 INVALID_LOGIN", null);
    }

    @Override
    public Optional<ConnectionCheck> checkInUse() {
        return Optional.empty();
    }
}
