/*
| Job registry: every module's jobs by name, for producers and workers alike.
*/
import '#core/jobs/index'
import '#projects/jobs/index'
import '#time/jobs/index'
import '#billing/jobs/index'
import '#portal/jobs/index'
import '#reports/jobs/index'
