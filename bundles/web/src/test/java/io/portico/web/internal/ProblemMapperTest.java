package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(null);

    @Test
    void aQueryParameterThatIsNotANumberInRangeIsTheCallersMistakeAndNamed() {
        for (String value : new String[] {"abc", "2147483648", "99999999999999999999"}) {
            Response response = mapper.toResponse(new ParamException.QueryParamException(
                    new NumberFormatException("For input string: \"" + value + "\""), "page", "1"));
            assertEquals(400, response.getStatus(), value);
            assertEquals(ProblemMapper.PROBLEM_JSON, response.getMediaType().toString());
            String detail = (String) ((Map<?, ?>) response.getEntity()).get("detail");
            assertTrue(detail.contains("query parameter 'page'") && detail.contains("whole number"), detail);
            assertTrue(!detail.contains(value), "the value is not repeated back: " + detail);
        }
    }

    @Test
    void anUnreadablePathSegmentStillMeansNoSuchResource() {
        Response response = mapper.toResponse(new ParamException.PathParamException(
                new NumberFormatException("For input string: \"x\""), "id", null));
        assertEquals(404, response.getStatus());
    }
}
