<#if status == "succeeded">Thank you for your payment to ${brand.name}.<#elseif status == "processing">Your bank payment to ${brand.name} is processing. Bank payments take a few business days to clear; we will email you when it has.<#elseif status == "failed">Your bank payment to ${brand.name} failed: ${payment.failureReason} The invoices are open again.<#else>Your payment to ${brand.name} was refunded.</#if>

<#list payment.invoices as i>Invoice ${i.number}: ${i.amount}
</#list>
<#if payment.surcharge??>Credit card surcharge: ${payment.surcharge}
</#if><#if payment.bankFee??>Bank payment fee: ${payment.bankFee}
</#if><#if payment.bankDiscount??>Discount for paying by bank: -${payment.bankDiscount}
</#if>Total: ${payment.total}
<#if payment.method?has_content>Paid with: ${payment.method}
</#if>
Payment reference: ${payment.id}
