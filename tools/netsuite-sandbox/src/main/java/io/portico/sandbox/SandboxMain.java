package io.portico.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until killed:
 * {@code java -jar portico-netsuite-sandbox-0.1.0-SNAPSHOT-all.jar --port 8190 --seed 42 --customers 20}.
 * Options: --port, --seed, --customers, --invoices-per-customer, --concurrency, --latency (ms), --account,
 * --today (YYYY-MM-DD, or "now" for the current date), --time-zone, --tba-credentials (a properties file with
 * consumerKey, consumerSecret, tokenId and tokenSecret, so that a demo install need not use the published demo
 * credentials).
 */
public final class SandboxMain {

  private SandboxMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    NetSuiteSandbox.Builder builder = NetSuiteSandbox.builder().port(8190);
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        usage();
        return;
      }
      if (i + 1 >= args.length) {
        fail("Missing value for " + option);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--port" -> builder.port(Integer.parseInt(value));
          case "--seed" -> builder.seed(Long.parseLong(value));
          case "--customers" -> builder.customers(Integer.parseInt(value));
          case "--invoices-per-customer" -> builder.invoicesPerCustomer(Integer.parseInt(value));
          case "--concurrency" -> builder.concurrencyLimit(Integer.parseInt(value));
          case "--latency" -> builder.latencyMillis(Integer.parseInt(value));
          case "--account" -> builder.accountId(value);
          case "--today" -> builder.today(value.equals("now") ? LocalDate.now() : LocalDate.parse(value));
          case "--time-zone" -> builder.timeZone(ZoneId.of(value));
          case "--tba-credentials" -> builder.credentials(tbaCredentials(Path.of(value)));
          default -> fail("Unknown option " + option);
        }
      } catch (RuntimeException e) {
        fail("Bad value for " + option + ": " + e.getMessage());
      }
    }
    NetSuiteSandbox sandbox = builder.start();
    SandboxCredentials c = sandbox.credentials();
    System.out.println("NetSuite sandbox for account " + sandbox.accountId() + " at " + sandbox.baseUrl());
    System.out.println("  customers " + sandbox.data().customerCount() + ", invoices " + sandbox.data().invoiceCount()
        + ", today " + sandbox.data().today());
    System.out.println("  TBA: consumerKey=" + c.consumerKey() + " consumerSecret=" + c.consumerSecret());
    System.out.println("       tokenId=" + c.tokenId() + " tokenSecret=" + c.tokenSecret());
    System.out.println("  M2M: clientId=" + c.clientId() + " certificateId=" + c.certificateId());
    System.out.println("  control API: " + sandbox.baseUrl() + "/sandbox");
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    new CountDownLatch(1).await();
  }

  private static SandboxCredentials tbaCredentials(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SandboxCredentials demo = SandboxCredentials.demo();
    return new SandboxCredentials(required(p, "consumerKey"), required(p, "consumerSecret"), required(p, "tokenId"),
        required(p, "tokenSecret"), demo.clientId(), demo.certificateId(), demo.publicKey(), demo.privateKey());
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key, "").trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("missing " + key);
    }
    return value;
  }

  private static void usage() {
    System.out.println("Options: --port N --seed N --customers N --invoices-per-customer N --concurrency N"
        + " --latency MS --account ID --today YYYY-MM-DD|now --time-zone ZONE --tba-credentials FILE");
  }

  private static void fail(String message) {
    System.err.println(message);
    usage();
    System.exit(2);
  }
}
