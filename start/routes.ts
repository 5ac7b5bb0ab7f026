/*
| Each module declares its own routes; this file only brings them together.
*/
import '#core/routes'
import '#crm/routes'
import '#projects/routes'
import '#time/routes'
import '#billing/routes'
import '#portal/routes'
import '#reports/routes'
