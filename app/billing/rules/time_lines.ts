/**
 * Billable time grouped into invoice lines: per member, task, day or one
 * line per project — and always apart by frozen rate, so every line is
 * "hours × one rate", rounded half-up once.
 */
import type { LineGrouping } from '#billing/models/invoice'
import { timeAmount } from '#billing/rules/money'

export interface TimeForBilling {
  id: string
  userId: string
  projectId: string
  taskId: string | null
  date: string
  durationSeconds: number
  billableRateCents: number
}

export interface Names {
  projects: Map<string, string>
  members: Map<string, string>
  tasks: Map<string, string>
}

export interface PlannedTimeLine {
  kind: 'time'
  projectId: string
  description: string
  quantitySeconds: number
  unitAmountCents: number
  amountCents: number
  entryIds: string[]
}

function groupLabel(entry: TimeForBilling, groupBy: LineGrouping, names: Names): [string, string] {
  switch (groupBy) {
    case 'member':
      return [entry.userId, names.members.get(entry.userId) ?? 'Team member']
    case 'task':
      return [entry.taskId ?? '', entry.taskId ? (names.tasks.get(entry.taskId) ?? 'Task') : 'General work']
    case 'day':
      return [entry.date, entry.date]
    case 'project':
      return ['', '']
  }
}

export function timeLines(entries: TimeForBilling[], groupBy: LineGrouping, names: Names): PlannedTimeLine[] {
  const groups = new Map<string, PlannedTimeLine>()
  for (const entry of entries) {
    const [key, label] = groupLabel(entry, groupBy, names)
    const groupKey = `${entry.projectId}|${key}|${entry.billableRateCents}`
    let line = groups.get(groupKey)
    if (!line) {
      const project = names.projects.get(entry.projectId) ?? 'Project'
      line = {
        kind: 'time',
        projectId: entry.projectId,
        description: label ? `${project} · ${label}` : project,
        quantitySeconds: 0,
        unitAmountCents: entry.billableRateCents,
        amountCents: 0,
        entryIds: [],
      }
      groups.set(groupKey, line)
    }
    line.quantitySeconds += entry.durationSeconds
    line.entryIds.push(entry.id)
  }
  const lines = [...groups.values()]
  for (const line of lines) line.amountCents = timeAmount(line.quantitySeconds, line.unitAmountCents)
  return lines.sort((a, b) => a.description.localeCompare(b.description) || a.unitAmountCents - b.unitAmountCents)
}
