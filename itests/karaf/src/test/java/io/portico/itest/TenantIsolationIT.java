package io.portico.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organizations;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The tenant-isolation sweep: users of customer A (an admin and a viewer) try every endpoint the server describes in
 * {@code /api/openapi.json} right now — so endpoints added later are swept too — with every id customer B's admin can
 * see, and every list endpoint, and must get nothing of B's and change nothing of B's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenantIsolationIT extends PorticoTestSupport {

    private static final Pattern IDS = Pattern.compile("\"[A-Za-z]*[iI]d\":\\s*\"?(\\d+)");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /**
     * Answers that give nothing away; a 2xx or a redirect never is. Ids of different kinds overlap, so one of B's
     * ids may be the id of A's own used invitation, which answers 410.
     */
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 409, 410, 413, 415, 422);
    /** Endpoints that end the caller's own session; sweeping them would only sign A out. */
    private static final Pattern OWN_SESSION = Pattern.compile("sign-out|/sessions?$|/api/session$");

    @Inject
    private Organizations organizations;

    @Configuration
    public Option[] config() {
        return distribution(databasePassword());
    }

    @Test
    public void customerAReachesNothingOfCustomerB() throws Exception {
        await("/health to answer 200 (last: " + get("/health").body() + ")", Duration.ofSeconds(30),
                () -> status("/health") == 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long a = organizations.upsertCustomer(new CustomerOrganization("A-" + run, "Acme " + run,
                List.of("acme-" + run + ".example"), "CA", "USD", null, Map.of())).id();
        String bName = "Globex " + run;
        long b = organizations.upsertCustomer(new CustomerOrganization("B-" + run, bName,
                List.of("globex-" + run + ".example"), "CT", "USD", null, Map.of())).id();

        WebClient aAdmin = join("admin@acme-" + run + ".example", String.valueOf(a), "admin");
        WebClient aViewer = join("viewer@acme-" + run + ".example", String.valueOf(a), "viewer");
        String bEmail = "admin@globex-" + run + ".example";
        WebClient bAdmin = join(bEmail, String.valueOf(b), "admin");
        String bInvitee = "invitee@globex-" + run + ".example";
        bAdmin.send("POST", "/api/organizations/" + b + "/invitations",
                "{\"email\":\"" + bInvitee + "\",\"role\":\"member\"}");

        Map<String, Set<String>> operations = operations();
        Set<String> bIds = new LinkedHashSet<>(Set.of(String.valueOf(b)));
        Map<String, String> bView = new TreeMap<>();
        for (String path : operations.keySet()) {
            if (operations.get(path).contains("get") && !path.contains("{") && path.startsWith("/api/")) {
                HttpResponse<String> seen = bAdmin.send("GET", path, null);
                if (seen.statusCode() == 200) {
                    bView.put(path, seen.body());
                    Matcher id = IDS.matcher(seen.body());
                    while (id.find()) {
                        bIds.add(id.group(1));
                    }
                }
            }
        }
        bIds.removeAll(idsSeenBy(aAdmin, operations));
        assertTrue("B's admin sees ids of B's own: " + bIds, bIds.size() > 1);

        List<String> leaks = new ArrayList<>();
        int attempts = 0;
        for (WebClient attacker : List.of(aAdmin, aViewer)) {
            for (Map.Entry<String, Set<String>> operation : operations.entrySet()) {
                String template = operation.getKey();
                if (OWN_SESSION.matcher(template).find()) {
                    continue;
                }
                List<String> paths = template.contains("{")
                        ? bIds.stream().map(id -> PATH_PARAM.matcher(template).replaceAll(id)).toList()
                        : List.of(template + "?organizationId=" + b + "&organization=" + b);
                for (String path : paths) {
                    for (String method : operation.getValue()) {
                        if (!METHODS.contains(method) || (!template.contains("{") && !"get".equals(method))) {
                            continue;
                        }
                        attempts++;
                        HttpResponse<String> response = attack(attacker, method, path, b);
                        String body = response.body();
                        boolean leaked = body.contains(bName) || body.contains(bEmail) || body.contains(bInvitee);
                        boolean refused = REFUSALS.contains(response.statusCode()) || !template.contains("{");
                        if (leaked || !refused) {
                            leaks.add(attacker.email + " " + method.toUpperCase() + " " + path + " -> "
                                    + response.statusCode() + (leaked ? " (B's data in the answer)" : ""));
                        }
                    }
                }
            }
        }
        System.out.println("tenant isolation: " + attempts + " attempts on " + operations.size()
                + " endpoints with " + bIds.size() + " of B's ids, " + leaks.size() + " leaks");
        assertTrue(String.join("\n", leaks), leaks.isEmpty());

        for (Map.Entry<String, String> before : bView.entrySet()) {
            assertEquals("B's " + before.getKey() + " is unchanged", normalised(before.getValue()),
                    normalised(bAdmin.send("GET", before.getKey(), null).body()));
        }
        assertFalse(aAdmin.send("GET", "/api/me", null).body().contains(bName));
    }

    /** JSON to the API, a form (as a browser posts it) to the pages; both name B's organization where they can. */
    private static HttpResponse<String> attack(WebClient attacker, String method, String path, long b) throws Exception {
        if ("get".equals(method) || "delete".equals(method)) {
            return attacker.send(method.toUpperCase(), path, null);
        }
        if (path.startsWith("/api/")) {
            return attacker.send(method.toUpperCase(), path,
                    "{\"organizationId\":" + b + ",\"role\":\"admin\",\"email\":\"x@y.example\"}");
        }
        return attacker.form(path, Map.of("organization", String.valueOf(b), "organizationId", String.valueOf(b),
                "role", "admin", "email", "x@y.example", "csrf", attacker.csrf));
    }

    /** Session timestamps move on their own; everything else must be as it was. */
    private static String normalised(String json) {
        return json.replaceAll("\"(lastSeenAt|lastUsedAt|now|expiresAt)\":\"[^\"]*\"", "");
    }

    private Set<String> idsSeenBy(WebClient user, Map<String, Set<String>> operations) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (String path : operations.keySet()) {
            if (operations.get(path).contains("get") && !path.contains("{") && path.startsWith("/api/")) {
                Matcher id = IDS.matcher(user.send("GET", path, null).body());
                while (id.find()) {
                    ids.add(id.group(1));
                }
            }
        }
        return ids;
    }

    /** Path → methods, as the server describes itself. */
    private Map<String, Set<String>> operations() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(get("/api/openapi.json").body()).path("paths");
        Map<String, Set<String>> operations = new TreeMap<>();
        paths.fields().forEachRemaining(path -> {
            Set<String> methods = new LinkedHashSet<>();
            path.getValue().fieldNames().forEachRemaining(methods::add);
            operations.put(path.getKey(), methods);
        });
        assertTrue("the server describes its endpoints: " + operations.keySet(), operations.size() > 20);
        return operations;
    }
}
