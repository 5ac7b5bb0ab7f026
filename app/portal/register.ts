/*
| The portal plugs into the modules below it.
*/
import { registerSharedProp } from '#core/public/shared_props'
import { registerClientRelation } from '#crm/public/client_relations'
import { portalShared } from '#portal/queries/portal_branding'
import { recentPortalActivityRecords } from '#portal/queries/portal_activity'
import { portalProjectDeliverables } from '#portal/queries/project_deliverables'
import { registerProjectPageExtra } from '#portal/queries/project_page_extras'

// Portal pages are branded with the agency's name, logo and colour, and greet the signed-in contact.
registerSharedProp('portal', (ctx) => portalShared(ctx.portalSession))

// The client page lists the client's portal access log (sign-ins, views, downloads, decisions, feedback), for owners and managers.
registerClientRelation('portal-activity', { label: 'Portal activity', list: recentPortalActivityRecords })

// The portal project page's Deliverables section (inertia/components/portal/ProjectDeliverables.vue), read as the contact.
registerProjectPageExtra('deliverables', (_session, projectId) => portalProjectDeliverables(projectId))
