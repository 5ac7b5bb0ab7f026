/*
| Billing plugs into the modules below it: expenses count as project spend,
| the client page lists the client's invoices.
*/
