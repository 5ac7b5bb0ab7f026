import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import { DELIVERABLE_EXTNAMES, DELIVERABLE_TYPES_LABEL, MAX_DELIVERABLE_BYTES, MAX_DELIVERABLE_LABEL } from '#portal/files/deliverable_files'
import { MAX_SHARE_DAYS, MIN_SHARE_DAYS } from '#portal/files/signed_url'

const fileMessages = {
  'file.required': 'Choose a file to upload',
  'file.file': 'Choose a file to upload',
  'file.file.size': `A deliverable can be at most ${MAX_DELIVERABLE_LABEL}`,
  'file.file.extname': `This type of file cannot be shared: upload ${DELIVERABLE_TYPES_LABEL}`,
}

/** Staff upload a deliverable (multipart). */
export const uploadDeliverableValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    description: vine.string().trim().maxLength(5000).optional(),
    requiresApproval: vine.boolean().optional(),
    file: vine.file({ size: MAX_DELIVERABLE_BYTES, extnames: DELIVERABLE_EXTNAMES }),
  })
)
uploadDeliverableValidator.messagesProvider = new SimpleMessagesProvider(fileMessages)

/** A staff share link lives 1 to 7 days. */
export const shareLinkValidator = vine.compile(
  vine.object({
    days: vine.number().withoutDecimals().min(MIN_SHARE_DAYS).max(MAX_SHARE_DAYS),
  })
)
shareLinkValidator.messagesProvider = new SimpleMessagesProvider({
  'days.required': `Choose how many days the link works (${MIN_SHARE_DAYS} to ${MAX_SHARE_DAYS})`,
  'days.min': `A share link works for ${MIN_SHARE_DAYS} to ${MAX_SHARE_DAYS} days`,
  'days.max': `A share link works for at most ${MAX_SHARE_DAYS} days`,
  'days.number': `A share link works for ${MIN_SHARE_DAYS} to ${MAX_SHARE_DAYS} days`,
  'days.withoutDecimals': 'Choose a whole number of days',
})

/** A contact's request for a revision: the comment says what to change. */
export const revisionValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().minLength(1).maxLength(5000),
  })
)
revisionValidator.messagesProvider = new SimpleMessagesProvider({
  'comment.required': 'Say what should change',
  'comment.minLength': 'Say what should change',
  'comment.maxLength': 'Keep the comment under 5,000 characters',
})

export const approveValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().maxLength(5000).optional(),
  })
)

const feedbackFields = {
  deliverableId: vine.string().uuid().optional(),
  body: vine.string().trim().minLength(1).maxLength(5000),
}
const feedbackMessages = new SimpleMessagesProvider({
  'body.required': 'Write your feedback',
  'body.minLength': 'Write your feedback',
  'body.maxLength': 'Keep feedback under 5,000 characters',
  'deliverableId.uuid': 'Choose a deliverable of this project',
  'projectId.required': 'Choose a project',
  'projectId.uuid': 'Choose a project',
})

/** `POST /api/portal/feedback` */
export const feedbackApiValidator = vine.compile(vine.object({ projectId: vine.string().uuid(), ...feedbackFields }))
feedbackApiValidator.messagesProvider = feedbackMessages

/** `POST /portal/projects/:id/feedback` (the project is in the path). */
export const feedbackPageValidator = vine.compile(vine.object(feedbackFields))
feedbackPageValidator.messagesProvider = feedbackMessages
