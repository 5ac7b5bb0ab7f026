import { computed, onMounted, watch } from 'vue'

const fallbackBrand = '#4f46e5'

/** Dark or light text, whichever reads better on the given hex colour (WCAG relative luminance). */
function contrastOn(hex: string): string {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.179 ? '#0f172a' : '#ffffff'
}

/**
 * CSS variables for the agency's brand colour. Bind the result as a layout's style for the
 * server render; it is also mirrored onto <html> so teleported dialogs, menus and toasts match.
 */
export function useBrandStyle(brandColor: () => string | null | undefined) {
  const style = computed(() => {
    const color = brandColor()
    const brand = color && /^#[0-9a-f]{6}$/i.test(color) ? color : fallbackBrand
    return { '--brand': brand, '--brand-contrast': contrastOn(brand) }
  })

  onMounted(() => {
    watch(
      style,
      (vars) => {
        for (const [name, value] of Object.entries(vars)) {
          document.documentElement.style.setProperty(name, value)
        }
      },
      { immediate: true }
    )
  })

  return style
}
