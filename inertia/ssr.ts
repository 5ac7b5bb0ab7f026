import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createInertiaApp } from '@inertiajs/vue3'
import type { Page } from '@inertiajs/core'
import { resolvePage } from '~/lib/resolve_page'
import { pageTitle } from '~/lib/page_title'

/** @adonisjs/inertia imports this module and calls its default export once per request. */
export default function render(page: Page) {
  return createInertiaApp({
    page,
    render: renderToString,
    title: pageTitle,
    resolve: resolvePage,
    setup({ App, props, plugin }) {
      return createSSRApp({ render: () => h(App, props) }).use(plugin)
    },
  })
}
