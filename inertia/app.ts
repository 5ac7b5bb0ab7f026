import './css/app.css'

import { createSSRApp, h } from 'vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { resolvePage } from '~/lib/resolve_page'
import { pageTitle } from '~/lib/page_title'

createInertiaApp({
  progress: { color: '#4f46e5' },
  title: pageTitle,
  resolve: resolvePage,
  setup({ el, App, props, plugin }) {
    createSSRApp({ render: () => h(App, props) })
      .use(plugin)
      .mount(el)
  },
})
