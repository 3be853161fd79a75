A payer's bank disputes a payment to ${brand.name}: the money may go back to the payer unless you answer with evidence in time.

<#list payment.invoices as i>Invoice ${i.number}: ${i.amount}
</#list>Total: ${payment.total}
<#if payment.method?has_content>Paid with: ${payment.method}
</#if>
Open the payment in the portal (Payments, reference ${payment.id}) to see the dispute's reason and until when evidence is due, and answer it in the payment processor's dashboard.
