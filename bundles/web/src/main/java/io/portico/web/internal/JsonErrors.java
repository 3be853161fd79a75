package io.portico.web.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What was wrong with a request's JSON, in the client's terms: the property by its JSON name and the kind of JSON
 * value expected, never a Java class.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException error) {
        if (error instanceof StreamConstraintsException) {
            return "The request body is nested too deeply or holds a value that is too long.";
        }
        if (error instanceof UnrecognizedPropertyException unknown) {
            return "Unknown property " + quoted(where(unknown)) + "; the properties accepted here are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (error instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return subject(invalid) + " must not hold control characters.";
        }
        if (error instanceof InputCoercionException) {
            return "A number in the request body is out of range.";
        }
        if (error instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException) {
            return subject(mapping) + " is a number out of range.";
        }
        if (error instanceof MismatchedInputException mismatched) {
            if (mismatched.getPath().isEmpty() && mismatched.getMessage() != null
                    && mismatched.getMessage().startsWith("No content to map")) {
                return "The request body is empty; send " + expected(mismatched.getTargetType()) + ".";
            }
            return subject(mismatched) + " must be " + expected(mismatched.getTargetType()) + ".";
        }
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return subject(mapping) + " is not valid here.";
        }
        JsonLocation location = error.getLocation();
        return location == null || location.getLineNr() < 1
                ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ").";
    }

    private static String subject(JsonMappingException error) {
        String where = where(error);
        return where.isEmpty() ? "The request body" : "Property " + quoted(where);
    }

    /** The property's path as a client wrote it: {@code lines[2].amount}. */
    private static String where(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value of another kind";
        }
        if (type == String.class || type == Character.class || type == char.class
                || Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class
                || type == BigInteger.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> quoted(((Enum<?>) c).name()))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
                ? "an object" : "a JSON value of another kind";
    }
}
