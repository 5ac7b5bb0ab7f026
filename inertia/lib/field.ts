import { computed, nextTick, useAttrs, useId } from 'vue'

export const labelClass = 'block text-sm font-medium text-slate-900'

export const inputClass =
  'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 ' +
  'placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-brand ' +
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 ' +
  'aria-[invalid=true]:ring-red-500'

/** Ids that tie a control to its hint and error text, SSR-stable. */
export function useField(props: { hint?: string; error?: string }) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = computed(
    () => [props.hint && hintId, props.error && errorId].filter(Boolean).join(' ') || undefined
  )
  const invalid = computed(() => (props.error ? true : undefined))
  return { id, hintId, errorId, describedBy, invalid }
}

/** After a failed submit, move focus to the first invalid field so its error is read out. */
export function focusFirstInvalid() {
  nextTick(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

/**
 * For fields with inheritAttrs: false: the wrapper keeps the class (bind it from $attrs),
 * everything else (step, min, placeholder…) goes to the control.
 */
export function useControlAttrs() {
  const attrs = useAttrs()
  return computed(() => {
    const { class: _class, style: _style, ...control } = attrs
    return control
  })
}
