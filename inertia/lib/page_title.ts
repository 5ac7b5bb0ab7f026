export function pageTitle(title: string) {
  return title ? `${title} · Throughline` : 'Throughline'
}
