/**
 * Winning a deal creates a project, but crm sits below projects and may not
 * import it. Projects registers the handler at boot (app/projects/register.ts);
 * crm calls it inside the transaction that moves the deal, so a failure there
 * leaves the deal unchanged.
 */
export interface WonDeal {
  dealId: string
  clientId: string
  title: string
  description: string | null
  valueCents: number
  currency: string
  ownerUserId: string | null
  /** A project template chosen when winning (its budget, if it has one, replaces the deal value). */
  templateId?: string | null
}

export type WonDealHandler = (deal: WonDeal) => Promise<{ projectId: string }>

let handler: WonDealHandler | null = null

export function onDealWon(next: WonDealHandler) {
  handler = next
}

export function wonDealHandler(): WonDealHandler {
  if (!handler) throw new Error('No handler for won deals: the projects module registers one at boot')
  return handler
}

/** A project template the won dialog and `PUT /api/deals/:id/stage` offer. */
export interface ProjectTemplateOption {
  id: string
  name: string
}

type TemplateOptionsProvider = () => Promise<ProjectTemplateOption[]>

let templateOptions: TemplateOptionsProvider = async () => []

/** Projects registers its templates at boot; without it, winning offers a blank project only. */
export function registerProjectTemplateOptions(provider: TemplateOptionsProvider) {
  templateOptions = provider
}

/** The current agency's templates (read under the request's RLS). */
export function projectTemplateOptions(): Promise<ProjectTemplateOption[]> {
  return templateOptions()
}
