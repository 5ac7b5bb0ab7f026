import { BaseMail } from '@adonisjs/mail'
import { appUrl } from '#config/app'

export interface BudgetAlertMailData {
  email: string
  name: string
  projectId: string
  projectName: string
  threshold: number
  burnPercent: number
}

/** To a project's managers and the agency's owners when the budget burn reaches 75, 90 or 100 %. */
export default class BudgetAlertMail extends BaseMail {
  constructor(private data: BudgetAlertMailData) {
    super()
    this.subject =
      data.threshold >= 100
        ? `${data.projectName} has used its whole budget`
        : `${data.projectName} has used ${data.threshold} % of its budget`
  }

  prepare() {
    const view = { ...this.data, url: `${appUrl}/projects/${this.data.projectId}` }
    this.message
      .to(this.data.email)
      .htmlView('emails::projects/budget_alert_html', view)
      .textView('emails::projects/budget_alert_text', view)
  }
}
