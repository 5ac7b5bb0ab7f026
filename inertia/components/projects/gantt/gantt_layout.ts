import { DAY_WIDTH, toDay, type Zoom } from './gantt_scale.js'

export interface GanttTask {
  id: string
  title: string
  status: string
  startDate: string | null
  dueDate: string | null
}

export interface GanttMilestone {
  id: string
  name: string
  status: string
  dueDate: string | null
}

export interface GanttDependency {
  taskId: string
  dependsOnTaskId: string
}

export const ROW_HEIGHT = 36
export const AXIS_HEIGHT = 44
/** Space above and below a bar inside its row. */
export const BAR_INSET = 7
/** Empty days drawn before the first and after the last date. */
const PADDING_DAYS = 3

export interface Bar {
  task: GanttTask
  row: number
  x: number
  width: number
  /** Only a due (or only a start) date: drawn as a one-day bar. */
  singleDay: boolean
}

export interface Diamond {
  milestone: GanttMilestone
  row: number
  x: number
}

export interface Arrow {
  key: string
  path: string
}

/** A task's first and last day, or null when it has no date. A lone date is a one-day task. */
export function taskDays(task: Pick<GanttTask, 'startDate' | 'dueDate'>): [number, number] | null {
  const start = task.startDate ?? task.dueDate
  const end = task.dueDate ?? task.startDate
  return start && end ? [toDay(start), toDay(end)] : null
}

/**
 * Places dated tasks (one row each, in the order given) then milestones on a
 * day grid from a few days before the earliest date (or today) to a few after
 * the latest; finish-to-start arrows go from a task's end to its dependent's start.
 */
export function layoutGantt(
  input: { tasks: GanttTask[]; milestones: GanttMilestone[]; dependencies: GanttDependency[]; today: number },
  zoom: Zoom
) {
  const dayWidth = DAY_WIDTH[zoom]
  const dated = input.tasks.filter((task) => taskDays(task))
  const datedMilestones = input.milestones.filter((milestone) => milestone.dueDate)
  const days = [
    input.today,
    ...dated.flatMap((task) => taskDays(task)!),
    ...datedMilestones.map((milestone) => toDay(milestone.dueDate!)),
  ]
  const first = Math.min(...days) - PADDING_DAYS
  const last = Math.max(...days) + PADDING_DAYS
  const xOf = (day: number) => (day - first) * dayWidth

  const bars: Bar[] = dated.map((task, row) => {
    const [start, end] = taskDays(task)!
    return { task, row, x: xOf(start), width: (end - start + 1) * dayWidth, singleDay: !task.startDate || !task.dueDate }
  })
  const diamonds: Diamond[] = datedMilestones.map((milestone, index) => ({
    milestone,
    row: bars.length + index,
    x: xOf(toDay(milestone.dueDate!)) + dayWidth / 2,
  }))

  const barOf = new Map(bars.map((bar) => [bar.task.id, bar]))
  const middle = (row: number) => AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2
  const arrows: Arrow[] = input.dependencies.flatMap(({ taskId, dependsOnTaskId }) => {
    const from = barOf.get(dependsOnTaskId)
    const to = barOf.get(taskId)
    if (!from || !to) return []
    // Down from just inside the predecessor's end (clear of its label), then right into the dependent's start.
    const x = Math.max(from.x + from.width / 2, from.x + from.width - 6)
    const bottom = AXIS_HEIGHT + from.row * ROW_HEIGHT + ROW_HEIGHT - BAR_INSET
    return [{ key: `${dependsOnTaskId}-${taskId}`, path: `M ${x} ${bottom} V ${middle(to.row)} H ${to.x}` }]
  })

  return {
    first,
    last,
    dayWidth,
    width: (last - first + 1) * dayWidth,
    height: AXIS_HEIGHT + (bars.length + diamonds.length) * ROW_HEIGHT,
    todayX: xOf(input.today) + dayWidth / 2,
    xOf,
    bars,
    diamonds,
    arrows,
    undated: input.tasks.filter((task) => !taskDays(task)),
  }
}
