import { defineConfig } from '@adonisjs/inertia'
import type { InferSharedProps } from '@adonisjs/inertia/types'
import { sharedPageProps } from '#core/http/shared_page_props'

const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  sharedData: sharedPageProps,
  ssr: { enabled: true, entrypoint: 'inertia/ssr.ts' },
})

export default inertiaConfig

declare module '@adonisjs/inertia/types' {
  export interface SharedProps extends InferSharedProps<typeof inertiaConfig> {}
}
