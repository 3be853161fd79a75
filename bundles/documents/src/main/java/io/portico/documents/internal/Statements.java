package io.portico.documents.internal;

import io.portico.api.identity.DataScope;
import io.portico.documents.internal.StatementMapper.AgingSum;
import io.portico.documents.internal.StatementMapper.Balance;
import io.portico.documents.internal.StatementMapper.Entry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Statements of account of one customer organization, read in one transaction so that their parts agree. */
final class Statements {

    /** What the statement lists: every transaction of the range, or what is open at its end. */
    enum View {
        ACTIVITY("activity"), OPEN("open");

        final String param;

        View(String param) {
            this.param = param;
        }
    }

    /** What a statement is asked for; {@link #parse} checks it. */
    record Request(LocalDate from, LocalDate to, View view) {
    }

    /** One currency's part of a statement. */
    record Section(String currency, BigDecimal opening, BigDecimal closing, List<Entry> entries, List<BigDecimal> aging,
            BigDecimal unapplied) {
    }

    record StatementOfAccount(Request request, List<Section> sections, List<String> agingLabels) {
    }

    private final SqlSessionFactory sessions;

    Statements(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * The statement in {@code scope}, which must name the organization.
     *
     * @param bounds the aging buckets' upper bounds in days past due, ascending
     */
    StatementOfAccount statement(DataScope scope, Request request, int[] bounds) {
        if (scope.organizationId() == null) {
            throw new IllegalArgumentException("a statement is of one organization");
        }
        List<Integer> limits = Arrays.stream(bounds).boxed().toList();
        return read(mapper -> {
            List<Balance> balances = mapper.balances(scope, request.from(), request.to());
            List<Entry> entries = request.view() == View.ACTIVITY
                    ? mapper.activity(scope, request.from(), request.to()) : mapper.openItems(scope, request.to());
            List<AgingSum> aging = mapper.aging(scope, request.to(), limits);
            List<Section> sections = new ArrayList<>();
            for (Balance b : balances) {
                List<BigDecimal> buckets = new ArrayList<>();
                for (int i = 0; i <= bounds.length + 1; i++) {
                    buckets.add(BigDecimal.ZERO);
                }
                aging.stream().filter(a -> a.currency().equals(b.currency()))
                        .forEach(a -> buckets.set(a.bucket(), a.amount()));
                BigDecimal aged = buckets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                sections.add(new Section(b.currency(), request.view() == View.ACTIVITY ? b.opening() : BigDecimal.ZERO,
                        b.closing(), entries.stream().filter(e -> e.currency().equals(b.currency())).toList(),
                        buckets, b.closing().subtract(aged)));
            }
            return new StatementOfAccount(request, sections, agingLabels(bounds));
        });
    }

    private <T> T read(Function<StatementMapper, T> work) {
        try (SqlSession session = sessions.openSession()) {
            // One snapshot: the balances, the entries and the aging are read as of the same moment.
            session.getConnection().setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return work.apply(session.getMapper(StatementMapper.class));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> agingLabels(int[] bounds) {
        List<String> labels = new ArrayList<>();
        labels.add("Current");
        int previous = 0;
        for (int bound : bounds) {
            labels.add((previous + 1) + "–" + bound + " days");
            previous = bound;
        }
        labels.add("Over " + previous + " days");
        return labels;
    }

    /**
     * The request from query parameters: {@code from} and {@code to} as YYYY-MM-DD (default: the 90 days up to
     * {@code today}), {@code view} {@code activity} (default) or {@code open}.
     *
     * @throws BadParameter naming the parameter when a date is malformed, the range reversed or longer than
     *         {@code maxDays}, or the view unknown
     */
    static Request parse(String from, String to, String view, LocalDate today, int maxDays) {
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(89));
        if (start.isAfter(end)) {
            throw new BadParameter("from", "'from' must not be after 'to'.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw new BadParameter("from", "The range from 'from' to 'to' must be at most " + maxDays + " days.");
        }
        View v = view == null || view.isBlank() ? View.ACTIVITY : Arrays.stream(View.values())
                .filter(x -> x.param.equals(view)).findFirst()
                .orElseThrow(() -> new BadParameter("view", "'view' must be activity or open."));
        return new Request(start, end, v);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw new BadParameter(name, "'" + name + "' must be a date between 1900 and 9999.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + name + "' must be a date as YYYY-MM-DD.");
        }
    }

    /** A query parameter that is not valid, with the message that says why. */
    static final class BadParameter extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
