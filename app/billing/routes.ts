/*
| Billing routes: invoices (and later expenses, payments, Stripe webhooks).
*/
import '#billing/routes/invoices'
import '#billing/routes/invoice_lines'
import '#billing/routes/invoice_pages'
import '#billing/routes/webhooks'
import '#billing/routes/expenses'
