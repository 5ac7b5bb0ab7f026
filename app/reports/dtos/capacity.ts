export interface CapacityWeekDto {
  /** 'YYYY-MM-DD', a Monday */
  weekStart: string
  /** Σ weekly allocations on active projects whose dates overlap the week */
  allocatedSeconds: number
  /** capacity_hours_weekly × 3600 */
  capacitySeconds: number
  /** allocated > capacity */
  overbooked: boolean
  /** the projects the caller can see by name; projectId null sums the others ("Other projects") */
  projects: Array<{ projectId: string | null; name: string; seconds: number }>
}

export interface MemberCapacityDto {
  userId: string
  name: string
  capacitySeconds: number
  weeks: CapacityWeekDto[]
}

export interface CapacityDto {
  /** the Monday of this week in the agency's zone, then one per week */
  weekStarts: string[]
  members: MemberCapacityDto[]
}
