Your bank payment to ${brand.name} needs one more step: we must check that the bank account you entered is yours before it is debited.

<#if amounts>Two small deposits (less than $1 each)<#else>One small deposit of $0.01</#if> will reach the account<#if arrives?has_content> by ${arrives}</#if>. <#if amounts>Note the two amounts<#else>Its description on your statement holds a 6-character code that starts with SM: note it</#if>, then open this page and enter <#if amounts>them<#else>it</#if>:

${link}

<#list payment.invoices as i>Invoice ${i.number}: ${i.amount}
</#list>Total: ${payment.total}

The link works for ${validDays} days; after too many wrong answers the account cannot be verified for this payment and the invoices are open again.
Payment reference: ${payment.id}
