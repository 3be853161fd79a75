package io.portico.web.internal;

import io.portico.api.web.ProblemException;
import java.sql.SQLException;

/** PostgreSQL's refusals of a value the request carried: the caller's input, not a fault of the server. */
final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    static ProblemException of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22")) { // data exception: bad character, number out of range, bad date
                    return ProblemException.badRequest("A value in the request cannot be stored or searched for:"
                            + " it holds a character, number or date out of the range Portico accepts.");
                }
                if (state.startsWith("54")) { // program limit exceeded: a value too long to index
                    return ProblemException.badRequest("A value in the request is too long.");
                }
                if ("23505".equals(state)) { // unique violation: a concurrent request made the same thing
                    return ProblemException.conflict("This already exists.");
                }
                return null;
            }
        }
        return null;
    }
}
