import { usePage } from '@inertiajs/vue3'
import { computed } from 'vue'

export type Role = 'owner' | 'manager' | 'member'

export type AuthUser = {
  id: string
  name: string
  email: string
  role: Role
}

export type CurrentAgency = {
  id: string
  name: string
  logoUrl: string | null
  brandColor: string
}

export type Flash = {
  success?: string
  error?: string
  token?: string
}

/** Props the server shares with every page. */
export type SharedProps = {
  auth: { user: AuthUser | null }
  agency: CurrentAgency | null
  notifications: { unread: number } | null
  flash: Flash
  errors: Record<string, string>
}

/** The current page's props, shared ones included; stays in sync across visits. */
export function usePageProps<PageProps extends object = {}>() {
  const page = usePage<SharedProps & PageProps>()
  return computed(() => page.props)
}
