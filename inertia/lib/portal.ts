import { usePage } from '@inertiajs/vue3'
import { computed } from 'vue'
import type { PortalShared } from '../../app/portal/dtos/portal_shared'

export type { PortalShared }

/** The portal's shared prop: the agency's branding and the signed-in contact (null on the sign-in pages). */
export function usePortal() {
  const page = usePage<{ portal?: PortalShared | null }>()
  return computed(() => page.props.portal ?? null)
}

export const PROJECT_STATUS_LABELS: Record<string, string> = {
  planning: 'Planning',
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
}

export const TASK_STATUS_LABELS: Record<string, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  review: 'In review',
  done: 'Done',
}
