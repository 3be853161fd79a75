package io.portico.settings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.ibatis.session.SqlSession;

/**
 * One area of the settings (branding, sidebar, field mapping, NetSuite) as the settings document carries it: what
 * {@link SettingsTransfer} exports, and what it checks whole before writing every area in one transaction.
 */
interface SettingsSection {

    /** The area's key in the document, like {@code branding}. */
    String key();

    /** The area as the document carries it (a value Jackson writes), or {@code null} when there is nothing saved. */
    Object export();

    /**
     * Checks the document's value of this area against what is running here, without writing anything.
     *
     * @param value the area's value in the document, never JSON {@code null}
     * @param read reads a value of the document into a type, refusing keys the type does not have
     * @throws InvalidSettingException naming the first field that is not valid, relative to the area
     */
    Checked check(SettingsActor actor, JsonNode value, DocumentReader read);

    /** Reads the area again after an import was committed, so this node shows it at once. */
    void reread();

    /** An area's value, checked, ready to be written in the import's transaction. */
    interface Checked {

        /** What the import changes, in a sentence, like "Branding: name, colour and logo". */
        String summary();

        /** Writes the area and its audit entry in the import's session; the transfer commits. */
        void write(SqlSession session, SettingsActor actor);
    }

    /** Reads a part of the document into a type, strictly. */
    @FunctionalInterface
    interface DocumentReader {

        /** @throws InvalidSettingException naming the unknown key or the value of the wrong type */
        <T> T read(JsonNode value, Class<T> type);
    }
}
