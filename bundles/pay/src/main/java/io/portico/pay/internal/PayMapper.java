package io.portico.pay.internal;

import java.util.List;

/** Pay's tables: the surcharge law table, the operator's Pay settings, the payment ledger. */
public interface PayMapper {

    /** Every row of the surcharge law table, old and new: which one is in force depends on a payment's date. */
    List<SurchargeRule> surchargeRules();
}
