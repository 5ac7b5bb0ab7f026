import { Job } from '@rlanz/bull-queue'
import mail from '@adonisjs/mail/services/main'
import { appUrl } from '#config/app'
import { agencySettings } from '#core/public/agency'
import { withTenant } from '#core/public/tenancy'
import { portalRecipients } from '#crm/public/portal_recipients'
import { workspaceHeader } from '#projects/public/project_workspace'
import DeliverableApprovalMail from '#portal/mails/deliverable_approval_mail'
import Deliverable from '#portal/models/deliverable'

export interface NotifyDeliverableApprovalPayload {
  agencyId: string
  deliverableId: string
}

/**
 * Queued after a deliverable asking for approval is committed (once per
 * deliverable: the job id): "New deliverable to approve" to each of the
 * client's portal contacts. Nothing is sent once it is decided or gone.
 */
export default class NotifyDeliverableApprovalJob extends Job {
  static jobName = 'portal.notify_deliverable_approval'

  async handle({ agencyId, deliverableId }: NotifyDeliverableApprovalPayload) {
    await withTenant(agencyId, async () => {
      const deliverable = await Deliverable.find(deliverableId)
      if (!deliverable || deliverable.status !== 'pending') return
      const project = await workspaceHeader(deliverable.projectId)
      if (!project) return
      const recipients = await portalRecipients(project.clientId)
      if (!recipients?.contacts.length) return
      const agency = await agencySettings(agencyId)
      const portalUrl = `${appUrl.replace(/\/+$/, '')}/portal/projects/${project.id}`
      for (const contact of recipients.contacts) {
        await mail.sendLater(
          new DeliverableApprovalMail({
            to: contact.email,
            contactName: contact.name,
            companyName: recipients.companyName,
            agencyName: agency.name,
            brandColor: agency.brandColor,
            projectName: project.name,
            title: deliverable.title,
            description: deliverable.description,
            fileName: deliverable.fileName,
            portalUrl,
          })
        )
      }
    })
  }

  async rescue(payload: NotifyDeliverableApprovalPayload, error: Error) {
    this.logger.error({ err: error, deliverableId: payload.deliverableId }, 'deliverable approval email could not be sent after every retry')
  }
}
