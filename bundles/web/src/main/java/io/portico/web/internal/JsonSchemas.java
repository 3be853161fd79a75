package io.portico.web.internal;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON Schema (the OpenAPI 3.0 subset) of a request body's Java type: records become objects with their
 * components as properties, so a client (and the input sweep) can see every property an endpoint reads.
 */
final class JsonSchemas {

    /** Deep enough for any request body of Portico's; stops a recursive type from recursing forever. */
    private static final int MAX_DEPTH = 6;

    private JsonSchemas() {
    }

    static Map<String, Object> of(Type type) {
        return of(type, 0);
    }

    private static Map<String, Object> of(Type type, int depth) {
        Map<String, Object> schema = new LinkedHashMap<>();
        Class<?> raw = raw(type);
        if (raw == String.class || raw == Character.class || raw == char.class || raw == UUID.class
                || Temporal.class.isAssignableFrom(raw)) {
            schema.put("type", "string");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            schema.put("type", "integer");
            schema.put("format", "int64");
        } else if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == BigDecimal.class) {
            schema.put("type", "number");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            Type item = raw.isArray() ? itemOfArray(type, raw) : argument(type, 0);
            schema.put("items", depth < MAX_DEPTH ? of(item, depth + 1) : Map.of());
        } else if (raw.isRecord() && depth < MAX_DEPTH) {
            schema.put("type", "object");
            Map<String, Object> properties = new LinkedHashMap<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.put(component.getName(), of(component.getGenericType(), depth + 1));
            }
            schema.put("properties", properties);
        } else {
            schema.put("type", "object");
        }
        return schema;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return raw(a.getGenericComponentType()).arrayType();
        }
        return Object.class;
    }

    private static Type itemOfArray(Type type, Class<?> raw) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : raw.getComponentType();
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
