import { createToastManager } from 'reka-ui'
import { onMounted, watch } from 'vue'
import { usePageProps, type Flash } from '~/lib/page_props'

/** One manager for the whole app, so toasts can be raised outside the Toaster's subtree. */
export const toastManager = createToastManager()

export function useToast() {
  return {
    success: (message: string) => toastManager.add({ description: message, status: 'success' }),
    error: (message: string) => toastManager.add({ description: message, status: 'error' }),
  }
}

/** Shows the server's flash messages as toasts on first load and after every visit. */
export function useFlashToasts() {
  const props = usePageProps()
  const toast = useToast()

  function show(flash: Flash | undefined) {
    if (flash?.success) toast.success(flash.success)
    if (flash?.error) toast.error(flash.error)
  }

  // Not immediate: toasts only exist in the browser, never in the SSR render.
  onMounted(() => show(props.value.flash))
  watch(() => props.value.flash, show)
}
