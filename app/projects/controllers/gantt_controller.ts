import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#projects/policies/project_policy'
import TemplatePolicy from '#projects/policies/template_policy'
import { ganttData, projectTask } from '#projects/queries/gantt'
import { rescheduleTaskValidator } from '#projects/validators/gantt'
import UpdateTask from '#projects/actions/update_task'

/** The Gantt tab: a project's dated tasks and milestones; dragging a bar reschedules its task. */
export default class GanttController {
  async show({ inertia, params, bouncer }: HttpContext) {
    const gantt = await ganttData(params.id)
    return inertia.render('projects/gantt', {
      ...gantt,
      can: {
        reschedule: await bouncer.with(ProjectPolicy).allows('manage', gantt.project),
        saveTemplate: await bouncer.with(TemplatePolicy).allows('manage'),
      },
    })
  }

  async reschedule({ request, response, params, bouncer, session }: HttpContext) {
    const task = await projectTask(params.id, params.taskId)
    await bouncer.with(ProjectPolicy).authorize('manage', { id: task.projectId })
    const dates = await request.validateUsing(rescheduleTaskValidator)
    await new UpdateTask().handle(task, dates)
    session.flash('success', `“${task.title}” rescheduled`)
    return response.redirect().back()
  }
}
