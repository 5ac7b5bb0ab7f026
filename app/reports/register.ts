/*
| Reports plugs into core's dashboard: each role's widgets on /dashboard.
*/
import { registerDashboardWidgets } from '#core/public/dashboard'
import { managerDashboard, memberDashboard, ownerDashboard } from '#reports/queries/dashboards'

registerDashboardWidgets('owner', ownerDashboard)
registerDashboardWidgets('manager', managerDashboard)
registerDashboardWidgets('member', memberDashboard)
