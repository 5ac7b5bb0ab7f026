/**
 * Capacity planning for the coming weeks (Monday–Sunday, from this week in
 * the agency's zone): per person, the hours allocated on active projects
 * (`#projects/public/report_capacity`) against `capacity_hours_weekly`;
 * `overbooked` when allocated > capacity. Owners see every active person,
 * managers the people on the projects they manage (and themselves), members
 * themselves — with their allocations on every active project, since
 * overbooking is about the person's whole week (projects the caller cannot
 * see are summed as "Other projects", unnamed).
 */
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { listStaff, type StaffIdentity } from '#core/public/users'
import { weeklyAllocations } from '#projects/public/report_capacity'
import { projectTeamIds } from '#projects/public/report_projects'
import { managedProjectIds } from '#projects/public/time_targets'
import type { CapacityDto } from '#reports/dtos/capacity'

export const DEFAULT_CAPACITY_WEEKS = 8

async function visiblePeople(user: StaffIdentity): Promise<Set<string> | null> {
  if (user.role === 'owner') return null
  if (user.role === 'member') return new Set([user.id])
  return new Set([user.id, ...(await projectTeamIds(await managedProjectIds(user.id)))])
}

export async function capacity(user: StaffIdentity, options: { weeks?: number; today?: string } = {}): Promise<CapacityDto> {
  const weeks = options.weeks ?? DEFAULT_CAPACITY_WEEKS
  const { timezone } = await agencySettings(tenancy.agencyId())
  const today = options.today ? DateTime.fromISO(options.today, { zone: 'utc' }) : DateTime.now().setZone(timezone)
  const monday = today.startOf('week')
  const weekStarts = Array.from({ length: weeks }, (_, index) => monday.plus({ weeks: index }).toISODate()!)

  const visible = await visiblePeople(user)
  const staff = (await listStaff({ activeOnly: true })).filter((person) => !visible || visible.has(person.id))
  const allocations = await weeklyAllocations(
    staff.map((person) => person.id),
    weekStarts
  )
  return {
    weekStarts,
    members: staff.map((person) => {
      const capacitySeconds = Math.round(person.capacityHoursWeekly * 3600)
      return {
        userId: person.id,
        name: person.name,
        capacitySeconds,
        weeks: (allocations.get(person.id) ?? []).map((week) => ({
          weekStart: week.weekStart,
          allocatedSeconds: week.allocatedSeconds,
          capacitySeconds,
          overbooked: week.allocatedSeconds > capacitySeconds,
          projects: week.projects,
        })),
      }
    }),
  }
}
