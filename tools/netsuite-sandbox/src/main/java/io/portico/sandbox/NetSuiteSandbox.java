package io.portico.sandbox;

import io.portico.sandbox.auth.Authenticator;
import io.portico.sandbox.auth.LoginAudit;
import io.portico.sandbox.auth.TokenEndpoint;
import io.portico.sandbox.control.ControlEndpoint;
import io.portico.sandbox.data.DemoCompany;
import io.portico.sandbox.data.Store;
import io.portico.sandbox.files.AttachmentRestlet;
import io.portico.sandbox.files.MediaEndpoint;
import io.portico.sandbox.http.Endpoint;
import io.portico.sandbox.http.Governance;
import io.portico.sandbox.http.GovernanceLimitsEndpoint;
import io.portico.sandbox.http.Request;
import io.portico.sandbox.http.SandboxServer;
import io.portico.sandbox.rest.RecordEndpoint;
import io.portico.sandbox.rest.RecordRenderer;
import io.portico.sandbox.suiteql.SuiteQlEndpoint;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A local double of one NetSuite account: the REST record API, the SuiteQL endpoint, the OAuth 2.0 token endpoint and
 * a few RESTlets, serving a generated demo company. Start it in-process with {@link #builder()} or standalone with
 * {@link SandboxMain}.
 */
public final class NetSuiteSandbox implements AutoCloseable {

  private final String accountId;
  private final SandboxCredentials credentials;
  private final Faults faults;
  private final LoginAudit loginAudit = new LoginAudit();
  private final SandboxData data;
  private final SandboxServer server;

  private NetSuiteSandbox(Builder b) {
    this.accountId = b.accountId;
    this.credentials = b.credentials;
    this.faults = new Faults(b.latencyMillis, b.concurrencyLimit);
    Store store = new Store(new DemoCompany(b.seed, b.customers, b.invoicesPerCustomer, b.today, b.timeZone));
    RecordRenderer renderer = new RecordRenderer(store);
    Governance governance = new Governance(faults, b.seed);
    this.server = SandboxServer.start(b.port, routes(store, renderer, governance), governance::dropsConnection,
        governance::losesAnswer);
    this.data = new SandboxData(store, renderer, server.baseUrl());
  }

  /** Everything under /services/rest and the RESTlet/media URLs is authenticated and governed, like NetSuite. */
  private Map<String, Endpoint> routes(Store store, RecordRenderer renderer, Governance governance) {
    Authenticator authenticator = new Authenticator(accountId, credentials, loginAudit);
    Map<String, Endpoint> routes = new LinkedHashMap<>();
    routes.put(RecordEndpoint.PREFIX, governed(governance, authenticator,
        new RecordEndpoint(store, renderer), RecordEndpoint::isList));
    routes.put("/services/rest/query/v1/suiteql", governed(governance, authenticator,
        new SuiteQlEndpoint(store, accountId), request -> true));
    routes.put(AttachmentRestlet.PATH, AttachmentRestlet.inRestletShape(governed(governance, authenticator,
        new AttachmentRestlet(store, accountId), request -> false)));
    routes.put(MediaEndpoint.PATH, governed(governance, authenticator, new MediaEndpoint(store), request -> false));
    routes.put(GovernanceLimitsEndpoint.PATH, governed(governance, authenticator,
        new GovernanceLimitsEndpoint(faults), request -> false));
    routes.put("/services/rest/auth/oauth2/v1/token", new TokenEndpoint(authenticator));
    routes.put(ControlEndpoint.PREFIX, new ControlEndpoint(store, renderer, faults, loginAudit, accountId));
    return routes;
  }

  private static Endpoint governed(Governance governance, Authenticator authenticator, Endpoint endpoint,
                                   Predicate<Request> servesPage) {
    return governance.govern(request -> {
      authenticator.authenticate(request);
      return endpoint.handle(request);
    }, servesPage);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Root URL of the server, e.g. {@code http://127.0.0.1:8190}; clients append {@code /services/rest/...}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The account id in realm form, e.g. {@code 1234567_SB1}. */
  public String accountId() {
    return accountId;
  }

  public SandboxCredentials credentials() {
    return credentials;
  }

  public Faults faults() {
    return faults;
  }

  public SandboxData data() {
    return data;
  }

  /** Why recent requests were refused with INVALID_LOGIN (NonceUsed, InvalidSignature, ...), oldest first. */
  public List<String> loginAuditTrail() {
    return loginAudit.recentRejections();
  }

  @Override
  public void close() {
    server.stop();
  }

  public static final class Builder {
    private int port;
    private String accountId = "1234567_SB1";
    private long seed = 42;
    private int customers = 20;
    private int invoicesPerCustomer = 12;
    private int concurrencyLimit = 5;
    private int latencyMillis;
    private SandboxCredentials credentials = SandboxCredentials.demo();
    private LocalDate today = DemoCompany.DEFAULT_TODAY;
    private ZoneId timeZone = DemoCompany.DEFAULT_TIME_ZONE;

    private Builder() {
    }

    /** TCP port on 127.0.0.1; 0 picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Account id in realm form ({@code 1234567_SB1}); it is also the OAuth 1.0a realm. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Seed of the demo company; the same seed always produces the same data. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Number of customers; contacts, invoices, sales orders, payments and credit memos scale from it. */
    public Builder customers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("customers must be at least 1");
      }
      this.customers = n;
      return this;
    }

    /** Invoices per customer (on average: invoice i belongs to customer i % customers). */
    public Builder invoicesPerCustomer(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("invoicesPerCustomer must not be negative");
      }
      this.invoicesPerCustomer = n;
      return this;
    }

    /** Concurrent requests allowed before 429 CONCURRENCY_LIMIT_EXCEEDED; NetSuite's smallest tier is 5. */
    public Builder concurrencyLimit(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("concurrencyLimit must be at least 1");
      }
      this.concurrencyLimit = n;
      return this;
    }

    /** Delay added to every request; changeable later through {@link Faults#latencyMillis(int)}. */
    public Builder latencyMillis(int ms) {
      if (ms < 0) {
        throw new IllegalArgumentException("latencyMillis must not be negative");
      }
      this.latencyMillis = ms;
      return this;
    }

    public Builder credentials(SandboxCredentials c) {
      this.credentials = Objects.requireNonNull(c, "credentials");
      return this;
    }

    /** The fixed "today" the demo company is generated around (aging buckets, dates); default 2026-01-15. */
    public Builder today(LocalDate today) {
      this.today = Objects.requireNonNull(today, "today");
      return this;
    }

    /** The account's time zone, used for SuiteQL date strings and date-only filters; default America/Los_Angeles. */
    public Builder timeZone(ZoneId zone) {
      this.timeZone = Objects.requireNonNull(zone, "timeZone");
      return this;
    }

    /** Generates nothing up front (records are derived on demand), binds the port and starts serving. */
    public NetSuiteSandbox start() {
      return new NetSuiteSandbox(this);
    }
  }
}
