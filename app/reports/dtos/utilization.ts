export type UtilizationFlag = 'over' | 'under' | null

export interface MemberUtilizationDto {
  userId: string
  name: string
  loggedSeconds: number
  billableSeconds: number
  /** capacity_hours_weekly × the range's weeks (days / 7), in seconds, rounded half-up */
  capacitySeconds: number
  /** whole percent of capacity; null with no capacity */
  utilization: number | null
  billableUtilization: number | null
  flag: UtilizationFlag
}

export interface UtilizationDto {
  from: string
  to: string
  threshold: number
  members: MemberUtilizationDto[]
  /** Σ logged / Σ capacity over the members listed, whole percent; null with no capacity */
  agencyAvg: number | null
}

/** Hours logged per week of the range (weeks start on Monday; the first and last are clipped to the range). */
export interface UtilizationWeekDto {
  /** the Monday of the week, 'YYYY-MM-DD' */
  weekStart: string
  /** the week's days inside the range */
  from: string
  to: string
  /** Σ over the members listed */
  seconds: number
}

export interface UtilizationWeeklyDto {
  from: string
  to: string
  weeks: UtilizationWeekDto[]
  /** per person, `seconds[i]` is week i */
  members: Array<{ userId: string; name: string; seconds: number[] }>
}
