/*
| Billing routes: invoices (and later expenses, payments, Stripe webhooks).
*/
import '#billing/routes/invoices'
