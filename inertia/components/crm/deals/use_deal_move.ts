import { computed, nextTick, ref } from 'vue'
import { router, usePage } from '@inertiajs/vue3'
import type { DealDto, DealStageDto } from '~/components/crm/deals/types'
import type { SharedProps } from '~/lib/page_props'

/** A project template the won dialog offers (the board page's `projectTemplates`). */
export interface ProjectTemplateOption {
  id: string
  name: string
}

interface Move {
  deal: Pick<DealDto, 'id' | 'title' | 'stageId'>
  stage: DealStageDto
  /** 0-based place in the target column; the end by default. */
  position?: number
}

/**
 * Moves a deal through PUT /deals/:id/stage, the same action for drag and
 * drop, the keyboard menu and the deal page. A move to a lost stage first
 * asks for the reason; a move to won, on a page that offers project templates
 * (the board's `projectTemplates`), asks for a blank project or a template.
 * The outcome is announced to screen readers.
 */
export function useDealMove(onCancel: () => void = () => {}) {
  const page = usePage()
  const templates = computed(() => ((page.props as { projectTemplates?: ProjectTemplateOption[] }).projectTemplates ?? []))
  const pendingWon = ref<Move | null>(null)
  const wonOpen = ref(false)
  const pendingLost = ref<Move | null>(null)
  const lostOpen = ref(false)
  const lostError = ref<string>()
  const processing = ref(false)
  const announcement = ref('')

  function request(move: Move) {
    if (move.stage.kind === 'lost' && move.deal.stageId !== move.stage.id) {
      pendingLost.value = move
      lostError.value = undefined
      lostOpen.value = true
      return
    }
    if (move.stage.kind === 'won' && move.deal.stageId !== move.stage.id && templates.value.length > 0) {
      pendingWon.value = move
      wonOpen.value = true
      return
    }
    send(move)
  }

  function confirmWon(templateId: string | null) {
    if (pendingWon.value) send(pendingWon.value, undefined, templateId)
  }

  function cancelWon() {
    if (!pendingWon.value) return
    pendingWon.value = null
    onCancel()
  }

  function confirmLost(reason: string) {
    if (pendingLost.value) send(pendingLost.value, reason)
  }

  function cancelLost() {
    if (!pendingLost.value) return
    pendingLost.value = null
    onCancel()
  }

  function send({ deal, stage, position }: Move, lostReason?: string, templateId?: string | null) {
    router.put(
      `/deals/${deal.id}/stage`,
      { stage: stage.id, position, lostReason, templateId },
      {
        preserveScroll: true,
        preserveState: true,
        onStart: () => (processing.value = true),
        onFinish: () => (processing.value = false),
        onError: (errors) => {
          if (errors.lostReason) {
            lostError.value = errors.lostReason
            return
          }
          announcement.value = errors.stage ?? errors.templateId ?? `“${deal.title}” could not be moved`
          pendingWon.value = null
          wonOpen.value = false
          onCancel()
        },
        onSuccess: (page) => {
          pendingLost.value = null
          lostOpen.value = false
          pendingWon.value = null
          wonOpen.value = false
          const refused = (page.props as unknown as SharedProps).flash?.error
          announcement.value = refused ?? (deal.stageId === stage.id ? `“${deal.title}” reordered in ${stage.name}` : `“${deal.title}” moved to ${stage.name}`)
          // The card re-rendered in its new place: if focus got lost on the way, put it back on the card.
          nextTick(() => {
            if (document.activeElement && document.activeElement !== document.body) return
            document.querySelector<HTMLElement>(`[data-move-trigger="${deal.id}"]`)?.focus()
          })
        },
      }
    )
  }

  return {
    request,
    confirmLost,
    cancelLost,
    pendingLost,
    lostOpen,
    lostError,
    confirmWon,
    cancelWon,
    pendingWon,
    wonOpen,
    templates,
    processing,
    announcement,
  }
}

export type DealMove = ReturnType<typeof useDealMove>
