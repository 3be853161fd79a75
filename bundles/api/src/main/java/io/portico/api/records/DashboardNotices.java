package io.portico.api.records;

import io.portico.api.identity.PortalUser;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Warnings other bundles put at the top of a user's dashboard (payments waiting too long to reach NetSuite), each
 * with a link to where it is dealt with. A whiteboard service: the dashboard shows what every registered one says,
 * and nothing when none is registered; one that fails costs its notices, not the page.
 *
 * <p>Implementors decide for the user at hand (their role, their scope) and read only what that user may see.
 *
 * @since 1.3
 */
@ConsumerType
public interface DashboardNotices {

    /** The notices for this user's dashboard; empty when there is nothing to say. */
    List<Notice> forUser(PortalUser user);

    /**
     * @param text what is wrong, in a sentence, e.g. "3 payments have waited more than 60 minutes to reach NetSuite."
     * @param href the local path where it is dealt with, e.g. {@code /admin/reconciliation?state=failed}
     * @param linkLabel what the link says, e.g. "Open reconciliation"
     */
    record Notice(String text, String href, String linkLabel) {
    }
}
