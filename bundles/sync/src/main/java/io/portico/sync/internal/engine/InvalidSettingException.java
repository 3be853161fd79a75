package io.portico.sync.internal.engine;

import io.portico.api.sync.SyncException;

/** A sync setting that fails validation, named so that a form can show the message next to its field. */
public final class InvalidSettingException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(Reason.INVALID_SETTINGS, message);
        this.setting = setting;
    }

    /** The {@link io.portico.api.sync.SyncSettings} component at fault, e.g. {@code schedule}. */
    public String setting() {
        return setting;
    }
}
