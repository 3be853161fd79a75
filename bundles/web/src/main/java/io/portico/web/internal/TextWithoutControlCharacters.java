package io.portico.web.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Reads JSON strings as Jackson does, refusing control characters other than tab and line breaks: PostgreSQL cannot
 * store a NUL, and no field of Portico's has a use for the others.
 */
final class TextWithoutControlCharacters extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    TextWithoutControlCharacters() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && RequestGuard.hasControlCharacter(text)) {
            throw context.weirdStringException(text, String.class, "control character");
        }
        return text;
    }
}
