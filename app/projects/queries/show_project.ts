import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { toHours, toProjectListItemDto, type ProjectDetailDto, type ProjectTeamMemberDto } from '#projects/dtos/project'
import { relatedNames, staffNamesById } from '#projects/queries/list_projects'
import { projectProgress } from '#projects/queries/project_progress'

/** One project with its team and progress; another agency's or an unassigned member's project is a 404 (RLS hides it). */
export async function showProject(id: string): Promise<ProjectDetailDto> {
  const project = await Project.findOrFail(id)
  const related = await relatedNames([project])
  const progress = await projectProgress([project.id])
  return {
    ...toProjectListItemDto(project, related),
    description: project.description,
    hourlyRate: project.hourlyRateCents,
    billableByDefault: project.billableByDefault,
    retainer: {
      amount: project.retainerAmountCents,
      period: project.retainerPeriod,
      includedHours: toHours(project.retainerIncludedSeconds),
      rolloverPeriods: project.retainerRolloverPeriods,
      overageRate: project.overageRateCents,
    },
    progress: progress.get(project.id) ?? 0,
    team: await projectTeam(project.id),
  }
}

/** The team of a project, managers first. */
export async function projectTeam(projectId: string): Promise<ProjectTeamMemberDto[]> {
  const members = await ProjectMember.query().where('projectId', projectId).orderBy('role').orderBy('createdAt')
  const names = await staffNamesById()
  return members.map((member) => ({
    userId: member.userId,
    name: names.get(member.userId) ?? 'Former user',
    role: member.role,
    billableRate: member.billableRateCents,
    costRate: member.costRateCents,
    weeklyHours: toHours(member.weeklyAllocatedSeconds),
  }))
}

/** One person's team row; not on the team (or not visible) is a 404. */
export function findMember(projectId: string, userId: string) {
  return ProjectMember.query().where('projectId', projectId).where('userId', userId).firstOrFail()
}
