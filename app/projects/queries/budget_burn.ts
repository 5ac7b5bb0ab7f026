import { dailySpendFor } from '#projects/public/spend'

/** One day with spend: that day's spend and the running total up to and including it. */
export interface BudgetBurnDay {
  /** 'YYYY-MM-DD', the agency's calendar day. */
  date: string
  spentCents: number
  spentSeconds: number
  cumulativeCents: number
  cumulativeSeconds: number
}

/**
 * Budget burn over time for the overview's chart: every day with spend
 * (Σ of the spend sources that give daily figures), oldest first, with the
 * cumulative totals. Empty when nothing is spent yet. Runs under the caller's RLS.
 */
export async function budgetBurn(projectId: string): Promise<BudgetBurnDay[]> {
  let cents = 0
  let seconds = 0
  return (await dailySpendFor(projectId)).map((day) => {
    cents += day.costCents
    seconds += day.seconds
    return { date: day.date, spentCents: day.costCents, spentSeconds: day.seconds, cumulativeCents: cents, cumulativeSeconds: seconds }
  })
}
