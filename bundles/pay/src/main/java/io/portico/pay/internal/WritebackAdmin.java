package io.portico.pay.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Settings &gt; Pay, "Payments in NetSuite": where and how payments post to NetSuite, how those that go back are
 * reversed, the invoice field for pay-now links and when reconciliation warns. Saved with its audit entry in one
 * transaction.
 */
final class WritebackAdmin {

    private final SqlSessionFactory sessions;

    /** @param sessions with {@link PayMapper} and {@link WritebackMapper} */
    WritebackAdmin(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The operator's settings, or {@code null} before they were first saved. */
    WritebackSettings settings(long tenantId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(WritebackMapper.class).settings(tenantId);
        }
    }

    /**
     * Saves the form.
     *
     * @throws InvalidSettingException naming the field that is not valid; nothing is saved then
     */
    WritebackSettings save(PayActor actor, WritebackSettingsForm form) {
        WritebackSettings settings = form.toSettings(actor.tenantId());
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(WritebackMapper.class).saveSettings(settings);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("accountId", settings.accountId());
            detail.put("paymentMethodId", settings.paymentMethodId());
            detail.put("timeZone", settings.timeZone());
            detail.put("feeRecording", settings.feeRecording());
            detail.put("reversalMode", settings.reversalMode());
            detail.put("payLinkField", settings.payLinkField());
            detail.put("warnAfterMinutes", settings.warnAfterMinutes());
            session.getMapper(PayMapper.class).insertAudit(actor.tenantId(), actor.userId(), actor.label(),
                    "pay.writeback_saved", "Pay settings", PayAdmin.json(detail));
            session.commit(true);
        }
        return settings;
    }
}
