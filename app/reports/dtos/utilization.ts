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
