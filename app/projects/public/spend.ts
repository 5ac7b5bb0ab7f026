/**
 * Where a project's spend comes from. Higher modules plug in at boot from
 * their `register.ts` (Time: entries × frozen cost rate; Billing: expenses),
 * so projects adds them up without ever importing them.
 * Amounts are in the project's currency, minor units; time in seconds.
 */
export interface ProjectSpend {
  costCents: number
  seconds: number
}

/** One day's spend of one project; `date` is 'YYYY-MM-DD' (the agency's calendar day). */
export interface DailySpend extends ProjectSpend {
  date: string
}

export interface SpendSource {
  /** Spend per project id; projects without spend may be left out. Runs in the caller's tenant transaction. */
  spentFor(projectIds: string[]): Promise<Map<string, ProjectSpend>>
  /**
   * Optional: one project's spend per day, for the burn chart (days without
   * spend may be left out, any order). Same units and RLS as `spentFor`.
   */
  dailySpentFor?(projectId: string): Promise<DailySpend[]>
}

const sources = new Map<string, SpendSource>()

/** Registering the same key again replaces the source (a module reloaded in tests or dev). */
export function registerSpendSource(key: string, source: SpendSource) {
  sources.set(key, source)
}

/** Only for tests that stand in for a module which does not exist yet. */
export function unregisterSpendSource(key: string) {
  sources.delete(key)
}

/** Σ of every registered source, per project id (every id present, zero when nothing is spent). */
export async function spendFor(projectIds: string[]): Promise<Map<string, ProjectSpend>> {
  const totals = new Map<string, ProjectSpend>(projectIds.map((id) => [id, { costCents: 0, seconds: 0 }]))
  if (projectIds.length === 0) return totals
  const results = await Promise.all([...sources.values()].map((source) => source.spentFor(projectIds)))
  for (const result of results) {
    for (const [id, spend] of result) {
      const total = totals.get(id)
      if (!total) continue
      total.costCents += spend.costCents
      total.seconds += spend.seconds
    }
  }
  return totals
}

/** Σ of every source that gives daily figures, per day, oldest first (days without spend left out). */
export async function dailySpendFor(projectId: string): Promise<DailySpend[]> {
  const results = await Promise.all(
    [...sources.values()].map((source) => (source.dailySpentFor ? source.dailySpentFor(projectId) : Promise.resolve([])))
  )
  const byDate = new Map<string, DailySpend>()
  for (const day of results.flat()) {
    const total = byDate.get(day.date) ?? { date: day.date, costCents: 0, seconds: 0 }
    total.costCents += day.costCents
    total.seconds += day.seconds
    byDate.set(day.date, total)
  }
  return [...byDate.values()].filter((day) => day.costCents !== 0 || day.seconds !== 0).sort((a, b) => a.date.localeCompare(b.date))
}
