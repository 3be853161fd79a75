package io.portico.netsuite.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.netsuite.internal.config.TbaCredentials;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Oracle's published worked example ("The Signature for Web Services and RESTlets", NetSuite Help section
 * 1534941088, and "The Authorization Headers", section 1534941295): the same credentials, nonce and timestamp
 * must give the published base string, signature and header byte for byte.
 */
class TbaSignerTest {

    private static final TbaCredentials ORACLE_EXAMPLE = new TbaCredentials(
            "ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4",
            "d26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5",
            "2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc",
            "c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295");
    private static final String NONCE = "fjaLirsIcCGVZWzBX0pg";
    private static final String TIMESTAMP = "1508242306";
    private static final URI REST_EXAMPLE =
            URI.create("https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/employee/40");

    private final TbaSigner signer = new TbaSigner("123456", ORACLE_EXAMPLE, Clock.systemUTC());

    @Test
    void restExampleBaseStringIsOracles() {
        assertEquals("GET&https%3A%2F%2F123456.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2Femployee"
                        + "%2F40&oauth_consumer_key%3Def40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4"
                        + "%26oauth_nonce%3DfjaLirsIcCGVZWzBX0pg%26oauth_signature_method%3DHMAC-SHA256"
                        + "%26oauth_timestamp%3D1508242306"
                        + "%26oauth_token%3D2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc"
                        + "%26oauth_version%3D1.0",
                TbaSigner.signatureBaseString("GET", REST_EXAMPLE, oauthParameters()));
    }

    @Test
    void restExampleHeaderIsOraclesByteForByte() {
        assertEquals("OAuth realm=\"123456\", "
                        + "oauth_token=\"2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc\", "
                        + "oauth_consumer_key=\"ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4\", "
                        + "oauth_nonce=\"fjaLirsIcCGVZWzBX0pg\", "
                        + "oauth_timestamp=\"1508242306\", "
                        + "oauth_signature_method=\"HMAC-SHA256\", "
                        + "oauth_version=\"1.0\", "
                        + "oauth_signature=\"B5OIWznZ2YP0OB7VrJrGkYsTh%2B8H%2B5T9Hag%2Bo92q0zY%3D\"",
                signer.authorization("GET", REST_EXAMPLE, NONCE, TIMESTAMP));
    }

    /** The RESTlet example signs its query parameters; Oracle prints it without the leading '+' (a known typo). */
    @Test
    void restletExampleSignsQueryParameters() {
        URI restlet = URI.create("https://123456.restlets.api.netsuite.com/app/site/hosting/restlet.nl"
                + "?script=6&deploy=1&customParam=someValue&testParam=someOtherValue");
        assertEquals("POST&https%3A%2F%2F123456.restlets.api.netsuite.com%2Fapp%2Fsite%2Fhosting%2Frestlet.nl"
                        + "&customParam%3DsomeValue%26deploy%3D1"
                        + "%26oauth_consumer_key%3Def40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4"
                        + "%26oauth_nonce%3DfjaLirsIcCGVZWzBX0pg%26oauth_signature_method%3DHMAC-SHA256"
                        + "%26oauth_timestamp%3D1508242306"
                        + "%26oauth_token%3D2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc"
                        + "%26oauth_version%3D1.0%26script%3D6%26testParam%3DsomeOtherValue",
                TbaSigner.signatureBaseString("POST", restlet, oauthParameters()));
        assertEquals("+KK4SKNgz4ZiILGLwOMtfYlgcXSy1eis8ldE9X90azQ=",
                signatureOf(signer.authorization("POST", restlet, NONCE, TIMESTAMP)));
    }

    @Test
    void realmIsNotSigned() {
        TbaSigner sandboxRealm = new TbaSigner("123456_SB1", ORACLE_EXAMPLE, Clock.systemUTC());
        String header = sandboxRealm.authorization("GET", REST_EXAMPLE, NONCE, TIMESTAMP);
        assertTrue(header.startsWith("OAuth realm=\"123456_SB1\", "));
        assertEquals("B5OIWznZ2YP0OB7VrJrGkYsTh+8H+5T9Hag+o92q0zY=", signatureOf(header));
    }

    @Test
    void queryValuesAreDecodedThenPercentEncodedPerRfc5849() {
        URI uri = URI.create("https://h.example/services/rest/record/v1/invoice"
                + "?q=tranId%20START_WITH%20%22INV%22&b=%7E*+!&a=2&a=1");
        String base = TbaSigner.signatureBaseString("get", uri, List.of());
        assertEquals("GET&https%3A%2F%2Fh.example%2Fservices%2Frest%2Frecord%2Fv1%2Finvoice&"
                + "a%3D1%26a%3D2%26b%3D~%252A%2520%2521%26q%3DtranId%2520START_WITH%2520%2522INV%2522", base);
    }

    @Test
    void schemeAndHostAreLowerCasedAndDefaultPortsDropped() {
        List<Map.Entry<String, String>> none = List.of();
        assertEquals(TbaSigner.signatureBaseString("GET", URI.create("https://h.example/x"), none),
                TbaSigner.signatureBaseString("GET", URI.create("HTTPS://H.Example:443/x"), none));
        assertTrue(TbaSigner.signatureBaseString("GET", URI.create("http://localhost:8190/x"), none)
                .startsWith("GET&http%3A%2F%2Flocalhost%3A8190%2Fx&"));
    }

    @Test
    void everyRequestGetsAFreshNonceAndTheCurrentTimestamp() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        TbaSigner live = new TbaSigner("123456", ORACLE_EXAMPLE, clock);
        String first = live.authorization("GET", REST_EXAMPLE);
        String second = live.authorization("GET", REST_EXAMPLE);
        assertNotEquals(parameter(first, "oauth_nonce"), parameter(second, "oauth_nonce"));
        assertEquals(20, parameter(first, "oauth_nonce").length());
        assertEquals("1700000000", parameter(first, "oauth_timestamp"));
        assertFalse(first.contains(ORACLE_EXAMPLE.consumerSecret()) || first.contains(ORACLE_EXAMPLE.tokenSecret()));
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertEquals("AZaz09-._~%20%21%2A%27%28%29%2B%2F%3D%26%C3%A9", PercentEncoding.encode("AZaz09-._~ !*'()+/=&é"));
    }

    private static List<Map.Entry<String, String>> oauthParameters() {
        return List.of(
                Map.entry("oauth_token", ORACLE_EXAMPLE.tokenId()),
                Map.entry("oauth_consumer_key", ORACLE_EXAMPLE.consumerKey()),
                Map.entry("oauth_nonce", NONCE),
                Map.entry("oauth_timestamp", TIMESTAMP),
                Map.entry("oauth_signature_method", "HMAC-SHA256"),
                Map.entry("oauth_version", "1.0"));
    }

    private static String signatureOf(String header) {
        return URLDecoder.decode(parameter(header, "oauth_signature"), StandardCharsets.UTF_8);
    }

    private static String parameter(String header, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertTrue(matcher.find(), name + " missing in " + header);
        return matcher.group(1);
    }
}
