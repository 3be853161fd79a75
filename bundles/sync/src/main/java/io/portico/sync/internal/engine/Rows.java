package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SourceRow;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.SuiteQlValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link SourceRow} over the NetSuite client's row: conversion failures become {@link RecordMappingException}s.
 * Public and open so that record types' tests can build their rows the engine's way ({@code TestRow}).
 */
public class Rows implements SourceRow {

    private final SuiteQlRow row;

    public Rows(SuiteQlRow row) {
        this.row = row;
    }

    SuiteQlRow raw() {
        return row;
    }

    @Override
    public Set<String> columns() {
        return row.columns();
    }

    @Override
    public boolean has(String column) {
        return row.has(column);
    }

    @Override
    public String getString(String column) {
        return row.getString(column);
    }

    @Override
    public BigDecimal getDecimal(String column) {
        return convert(column, row::getDecimal);
    }

    @Override
    public Long getLong(String column) {
        return convert(column, row::getLong);
    }

    @Override
    public Boolean getBoolean(String column) {
        return convert(column, row::getBoolean);
    }

    @Override
    public LocalDate getDate(String column) {
        return convert(column, row::getDate);
    }

    @Override
    public Instant getInstant(String column) {
        return convert(column, row::getInstant);
    }

    private static <T> T convert(String column, Function<String, T> accessor) {
        try {
            return accessor.apply(column);
        } catch (SuiteQlValueException e) {
            throw new RecordMappingException(e.getMessage(), e.column(), e.rawValue(), e);
        }
    }

    @Override
    public String toString() {
        return row.toString();
    }
}
