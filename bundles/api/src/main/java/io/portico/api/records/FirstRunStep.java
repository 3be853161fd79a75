package io.portico.api.records;

import io.portico.api.identity.PortalUser;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of the first-run checklist on the operator admins' dashboard: connect NetSuite, run the first sync, set up
 * branding, invite the first customers, connect payments. A whiteboard service: the bundle that owns a step's state
 * registers it, and the step ticks itself when that state says it is done (never a flag someone clicks); the
 * checklist collapses once every registered step is done. One that fails is left out, not the page.
 *
 * @since 1.4
 */
@ConsumerType
public interface FirstRunStep {

    /** Orders of the platform's steps; a plugin's step takes one between them. */
    int NETSUITE = 100;
    int FIRST_SYNC = 200;
    int BRANDING = 300;
    int CUSTOMERS = 400;
    int PAYMENTS = 500;

    /** Where the step goes in the checklist, lowest first. */
    int order();

    /**
     * The step as it stands now for the operator of {@code admin}, an operator owner or admin; called for every
     * dashboard they open, so keep it cheap.
     */
    State state(PortalUser admin);

    /**
     * @param title what to do, e.g. "Connect NetSuite"
     * @param done whether the state shows it is done
     * @param detail how it stands, in a sentence, e.g. "Account 123456 is connected." or a sync's progress
     * @param href the local path where it is done, e.g. {@code /admin/netsuite}
     */
    record State(String title, boolean done, String detail, String href) {
    }
}
