package io.portico.pay.internal;

import io.portico.api.db.Database;
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.secrets.SecretBox;
import java.time.Clock;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pay's shared parts for its pages, API, webhooks and console: the ledger's session factory, the checkout and the
 * payment links, the links that verify a bank account by micro-deposits, with processors found by name among the running plugins (a stopped processor plugin makes payments
 * wait, not fail).
 */
@Component(service = PayCore.class)
public final class PayCore {

    private final SqlSessionFactory sessions;
    private final Checkout checkout;
    private final PaymentLinks links;
    private final PayAdmin admin;
    private final WritebackAdmin writebackAdmin;
    private final Refunds refunds;
    private final PaymentsQuery payments;
    private final BankVerifications bankVerifications;

    @Activate
    public PayCore(@Reference Database database, @Reference PluginRegistry plugins, @Reference SecretBox secrets) {
        this.sessions = database.sessionFactory(PayMapper.class, WritebackMapper.class);
        this.checkout = new Checkout(sessions, name -> plugins.find(PaymentProcessor.class, name), Clock.systemUTC());
        this.links = new PaymentLinks(sessions, checkout.ledger(), Clock.systemUTC());
        this.admin = new PayAdmin(sessions, checkout, name -> plugins.find(PaymentProcessor.class, name),
                () -> plugins.names(PaymentProcessor.class));
        this.writebackAdmin = new WritebackAdmin(sessions);
        this.refunds = new Refunds(sessions, name -> plugins.find(PaymentProcessor.class, name));
        this.payments = new PaymentsQuery(sessions);
        this.bankVerifications = new BankVerifications(secrets, checkout, Clock.systemUTC());
    }

    SqlSessionFactory sessions() {
        return sessions;
    }

    Checkout checkout() {
        return checkout;
    }

    PaymentLinks links() {
        return links;
    }

    PayAdmin admin() {
        return admin;
    }

    WritebackAdmin writebackAdmin() {
        return writebackAdmin;
    }

    Refunds refunds() {
        return refunds;
    }

    PaymentsQuery payments() {
        return payments;
    }

    BankVerifications bankVerifications() {
        return bankVerifications;
    }
}
