/** @type {import('tailwindcss').Config} */
export default {
  content: ['./inertia/**/*.{vue,ts}', './resources/views/**/*.edge'],
  theme: {
    extend: {
      colors: {
        // Set per agency at runtime (see inertia/lib/brand.ts), so no opacity modifiers.
        brand: {
          DEFAULT: 'var(--brand)',
          contrast: 'var(--brand-contrast)',
        },
      },
    },
  },
  plugins: [],
}
