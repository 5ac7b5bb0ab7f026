/*
| The portal plugs into the modules below it.
*/
import { registerSharedProp } from '#core/public/shared_props'
import { portalShared } from '#portal/queries/portal_branding'

// Portal pages are branded with the agency's name, logo and colour, and greet the signed-in contact.
registerSharedProp('portal', (ctx) => portalShared(ctx.portalSession))
