/** Deliverables as the portal and the staff Files tab receive them. */
import type { PortalDeliverableDto, StaffDeliverableDto } from '#portal/dtos/deliverable'
import type Deliverable from '#portal/models/deliverable'

export function toPortalDeliverable(deliverable: Deliverable): PortalDeliverableDto {
  return {
    id: deliverable.id,
    projectId: deliverable.projectId,
    title: deliverable.title,
    description: deliverable.description,
    fileName: deliverable.fileName,
    contentType: deliverable.contentType,
    sizeBytes: Number(deliverable.sizeBytes),
    requiresApproval: deliverable.requiresApproval,
    status: deliverable.status,
    decidedAt: deliverable.decidedAt?.toISO() ?? null,
    decisionComment: deliverable.decisionComment,
    createdAt: deliverable.createdAt.toISO()!,
    downloadUrl: `/portal/deliverables/${deliverable.id}/download`,
    can: { decide: deliverable.status === 'pending' },
  }
}

export function toStaffDeliverable(deliverable: Deliverable, contactNames: Map<string, string>): StaffDeliverableDto {
  const { can: _can, ...base } = toPortalDeliverable(deliverable)
  return {
    ...base,
    downloadUrl: `/projects/${deliverable.projectId}/files/${deliverable.id}/download`,
    decidedBy: deliverable.decidedByContactId
      ? { id: deliverable.decidedByContactId, name: contactNames.get(deliverable.decidedByContactId) ?? null }
      : null,
    revisionTaskId: deliverable.revisionTaskId,
    uploadedByUserId: deliverable.uploadedByUserId,
  }
}
