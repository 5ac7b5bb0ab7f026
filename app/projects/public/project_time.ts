/**
 * The project workspace's Time tab reads a project's logged time through
 * this seam: Time registers the reader at boot (`app/time/register.ts`), so
 * projects shows time without importing Time or reading its tables.
 * The reader runs in the caller's tenant transaction, under its RLS: the
 * owner and the project's managers get the whole team's time, anyone else
 * their own. Plain data only; durations in seconds, money in minor units.
 */
export interface ProjectTimeMemberTotals {
  userId: string
  totalSeconds: number
  billableSeconds: number
  /** Logged on days of the current week (Monday first, the agency's calendar). */
  weekSeconds: number
}

export interface ProjectTimeEntry {
  id: string
  userId: string
  taskId: string | null
  description: string
  /** 'YYYY-MM-DD', the agency's calendar day. */
  date: string
  durationSeconds: number
  billable: boolean
  status: 'draft' | 'submitted' | 'approved'
  invoiced: boolean
  /** Frozen on the entry, minor units per hour. */
  billableRateCents: number | null
  costRateCents: number | null
  currency: string
}

export interface ProjectTime {
  /** The Monday of the current week and today, 'YYYY-MM-DD', in the agency's time zone. */
  weekStart: string
  today: string
  /** Every person with time on the project that the caller can see, most hours first. */
  members: ProjectTimeMemberTotals[]
  /** The latest entries, newest day first. */
  recent: ProjectTimeEntry[]
}

export type ProjectTimeReader = (projectId: string, options: { recentLimit: number }) => Promise<ProjectTime>

let reader: ProjectTimeReader | null = null

/** Registering again replaces the reader (a module reloaded in tests or dev). */
export function registerProjectTimeReader(next: ProjectTimeReader) {
  reader = next
}

/** The project's time as the caller may see it; null when no module tracks time. */
export async function readProjectTime(projectId: string, options: { recentLimit: number }): Promise<ProjectTime | null> {
  return reader ? reader(projectId, options) : null
}
