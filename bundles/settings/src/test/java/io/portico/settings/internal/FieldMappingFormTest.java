package io.portico.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.settings.internal.FieldMappingUpdate.Field;
import io.portico.settings.internal.FieldMappingUpdate.Value;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

/** The page's form without JavaScript: positions order the fields, value maps are lines, mistakes are named. */
class FieldMappingFormTest {

    @Test
    void positionsOrderTheListAndDetailAndLinesAreTheValueMap() {
        MultivaluedMap<String, String> form = form(Map.of("label.number", "Invoice no.", "list.number", "2",
                "list.status", "1", "detail.number", "1", "hidden.memo", "true",
                "values.status", "A = Approved\r\n\r\nB=Paid = in full\n"));
        FieldMappingUpdate update = FieldMappingForm.parse(form).update();
        assertEquals(List.of("status", "number"), update.listColumns());
        assertEquals(List.of("number"), update.detailFields(), "an empty position leaves the field out");
        assertEquals(new Field("number", "Invoice no.", false, List.of()), update.fields().get(0));
        assertEquals(List.of(new Value("A ", " Approved"), new Value("B", "Paid = in full")),
                update.fields().get(1).values(), "split at the first =; the settings strip the spaces");
        assertEquals(new Field("memo", null, true, List.of()), update.fields().get(2));
    }

    @Test
    void anAddedFieldGoesAfterTheDetailFields() {
        FieldMappingForm added = FieldMappingForm.parse(form(Map.of("detail.number", "4"))).adding("shipVia");
        assertEquals(List.of("number", "shipVia"), added.update().detailFields());
        assertEquals(List.of("number", "status", "memo", "shipVia"), added.keys());
    }

    @Test
    void aPositionThatIsNotANumberOrALineWithoutEqualsIsNamed() {
        assertEquals("list.status", assertThrows(InvalidSettingException.class,
                () -> FieldMappingForm.parse(form(Map.of("list.status", "first"))).update()).field());
        assertEquals("detail.memo", assertThrows(InvalidSettingException.class,
                () -> FieldMappingForm.parse(form(Map.of("detail.memo", "0"))).update()).field());
        assertEquals("values.status", assertThrows(InvalidSettingException.class,
                () -> FieldMappingForm.parse(form(Map.of("values.status", "Approved"))).update()).field());
    }

    private static MultivaluedMap<String, String> form(Map<String, String> values) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.put("field", List.of("number", "status", "memo"));
        values.forEach(form::putSingle);
        return form;
    }
}
