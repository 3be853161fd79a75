package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    record Credentials(String email, String password, boolean remember) {
    }

    record Order(List<Line> lines) {
    }

    record Line(long quantity) {
    }

    private final ObjectMapper mapper = new ObjectMapperProvider().getContext(Object.class);

    private String describe(String json, Class<?> type) {
        JsonProcessingException error = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, type));
        String detail = JsonErrors.describe(error);
        assertFalse(detail.contains("io.portico") || detail.contains("java.") || detail.contains("$"), detail);
        return detail;
    }

    @Test
    void namesThePropertyAndTheKindOfValueExpected() {
        assertEquals("Property 'email' must be a string.", describe("{\"email\":{}}", Credentials.class));
        assertEquals("Property 'remember' must be true or false.",
                describe("{\"remember\":\"perhaps\"}", Credentials.class));
        assertEquals("The request body must be an object.", describe("[1,2]", Credentials.class));
        assertEquals("Property 'lines[1].quantity' must be a number.",
                describe("{\"lines\":[{\"quantity\":1},{\"quantity\":\"x\"}]}", Order.class));
        assertEquals("Unknown property 'colour'; the properties accepted here are email, password, remember.",
                describe("{\"colour\":1}", Credentials.class));
    }

    @Test
    void malformedEmptyHugeAndDeepBodiesAreDescribedWithoutJavaNames() {
        assertEquals("The request body is not valid JSON (line 1, column 10).", describe("{\"email\":,}", Credentials.class));
        assertEquals("The request body is empty; send an object.", describe("", Credentials.class));
        assertEquals("Property 'lines[0].quantity' is a number out of range.",
                describe("{\"lines\":[{\"quantity\":99999999999999999999999}]}", Order.class));
        assertEquals("The request body is nested too deeply or holds a value that is too long.",
                describe("[".repeat(5000), Object.class));
    }

    @Test
    void textWithANulIsRefusedByName() {
        assertEquals("Property 'email' must not hold control characters.",
                describe("{\"email\":\"a@example.com\\u0000\"}", Credentials.class));
        assertEquals("Property 'password' must not hold control characters.",
                describe("{\"password\":\"a\\u0007\"}", Credentials.class));
    }
}
