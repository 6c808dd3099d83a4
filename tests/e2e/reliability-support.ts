import type { Page } from '@playwright/test';

/**
 * Shared by the reliability specs. They set each context's zone themselves, so they run in one
 * Playwright project only (running them again in the Tokyo project would prove nothing new).
 */

/** Text of the whole page, including what CSS hides and what is inside overlays. */
export const pageText = (page: Page): Promise<string> => page.evaluate(() => document.body.textContent ?? '');

/** Installed before any page script: records CSP violations and anything a payload would set. */
export const WATCH_SCRIPT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  });
`;

/** Elements and attributes only an injected payload could have put there. */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
    if (w.__xss !== undefined) found.push('window.__xss was set');
    // The pages run no eval (zod is jitless): anything the CSP blocked means markup got in.
    for (const v of w.__cspViolations ?? []) found.push(`CSP violation: ${v}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const a of Array.from(el.attributes)) {
        if (a.name.startsWith('on')) found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
        const url = ['href', 'src', 'action', 'background', 'data', 'formaction'].includes(a.name);
        // The pages' own favicon is `<link rel=icon href="data:,">`.
        if (url && (/^\s*javascript:/i.test(a.value) || (/^\s*data:/i.test(a.value) && tag !== 'link')))
          found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
        // Text attributes (aria-label, title) may quote a payload; URL-bearing ones must not load it.
        if (
          ['src', 'href', 'srcset', 'action', 'style', 'background', 'data', 'poster'].includes(a.name) &&
          a.value.includes('evil.example')
        )
          found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
      }
      // The admin's previews are frames of our own pages; any other frame was injected.
      if (tag === 'iframe') {
        const src = el.getAttribute('src') ?? '';
        if (
          el.hasAttribute('srcdoc') ||
          new URL(src, location.href).origin !== location.origin ||
          !/^\/(room|lobby)/.test(new URL(src, location.href).pathname)
        )
          found.push(`<iframe src="${src.slice(0, 60)}">`);
      }
      if (
        [
          'object',
          'embed',
          'base',
          'marquee',
          'frameset',
          'isindex',
          'keygen',
          'x',
          'mglyph',
          'noscript',
          'audio',
          'video',
          'bdo',
        ].includes(tag)
      )
        found.push(`<${tag}> element`);
      if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('<meta http-equiv>');
      if (tag === 'img' && /^(x|1)?$/.test(el.getAttribute('src') ?? '')) found.push('<img src=x>');
    }
    for (const s of Array.from(document.scripts)) {
      const src = s.getAttribute('src');
      if (!src || !new URL(src, location.href).pathname.startsWith('/assets/'))
        found.push(`<script${src ? ` src="${src}"` : ''}>${(s.textContent ?? '').slice(0, 60)}`);
    }
    return found;
  });
}
