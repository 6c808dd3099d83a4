import type { Font } from '../../core/settings/theme.js';

/**
 * The bundled free fonts (woff2 from @fontsource, served by the host: no network fonts). Each is
 * its own chunk, fetched only when the settings choose it; `system` is the stack screen.css has.
 */
const FONTS: Record<Exclude<Font, 'system'>, { family: string; load: () => Promise<unknown> }> = {
  'atkinson-hyperlegible': {
    family: "'Atkinson Hyperlegible Next Variable'",
    load: () => import('@fontsource-variable/atkinson-hyperlegible-next/index.css'),
  },
  inter: { family: "'Inter Variable'", load: () => import('@fontsource-variable/inter/index.css') },
  'source-sans': {
    family: "'Source Sans 3 Variable'",
    load: () => import('@fontsource-variable/source-sans-3/index.css'),
  },
};

const FALLBACK = "'DejaVu Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

/** Sets `--font` on `root` once the chosen font's CSS is in (a failed load keeps the default). */
export function useFont(font: Font, root: HTMLElement): void {
  if (font === 'system') {
    root.style.removeProperty('--font');
    return;
  }
  const f = FONTS[font];
  void f
    .load()
    .then(() => {
      if (root.dataset.font === font) root.style.setProperty('--font', `${f.family}, ${FALLBACK}`);
    })
    .catch(() => {});
}
