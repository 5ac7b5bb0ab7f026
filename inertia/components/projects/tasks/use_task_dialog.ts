import { router } from '@inertiajs/vue3'

/** The task dialog is the page's `?task=` parameter: opening and closing reload only the task. */
export function useTaskDialog() {
  function url(taskId: string | null) {
    const current = new URL(window.location.href)
    if (taskId) current.searchParams.set('task', taskId)
    else current.searchParams.delete('task')
    return `${current.pathname}${current.search}`
  }

  return {
    open(taskId: string) {
      router.get(url(taskId), {}, { only: ['openTask'], preserveState: true, preserveScroll: true })
    },
    close() {
      router.get(url(null), {}, { only: ['openTask'], preserveState: true, preserveScroll: true, replace: true })
    },
  }
}
