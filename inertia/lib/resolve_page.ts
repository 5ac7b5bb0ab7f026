import type { DefineComponent } from 'vue'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'
import GuestLayout from '~/layouts/GuestLayout.vue'
import PortalLayout from '~/layouts/PortalLayout.vue'
import StaffLayout from '~/layouts/StaffLayout.vue'

type PageModule = { default: DefineComponent & { layout?: unknown } }

const guestPrefixes = ['core/auth/', 'core/invitations/', 'core/errors/']

/** The layout a page gets unless it sets its own with defineOptions({ layout }). */
export function layoutFor(name: string) {
  if (guestPrefixes.some((prefix) => name.startsWith(prefix))) return GuestLayout
  if (name.startsWith('portal/')) return PortalLayout
  return StaffLayout
}

/** Resolves a server component name (e.g. "core/auth/login") to its page component, layout set. */
export async function resolvePage(name: string) {
  const page = await resolvePageComponent<PageModule>(
    `../pages/${name}.vue`,
    import.meta.glob<PageModule>('../pages/**/*.vue')
  )
  page.default.layout = page.default.layout ?? layoutFor(name)
  return page.default
}
