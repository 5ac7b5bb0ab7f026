/*
| Cross-module seams registered at boot: search providers, client-page
| relations, the won-deal handler. Higher modules plug into lower ones here.
*/
import '#crm/register'
import '#projects/register'
import '#time/register'
import '#billing/register'
import '#portal/register'
import '#reports/register'
