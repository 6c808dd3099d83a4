/** The room id of a `/room/<id>` page (the Electron shell may name it instead). */
export function roomFromPath(pathname: string, fromShell?: string | null): string | null {
  if (fromShell) return fromShell;
  const m = /^\/room\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/** `?slide=now` pins one slide (previews, screenshots, tests). */
export function pinnedSlide(search: string): string | null {
  return new URLSearchParams(search).get('slide');
}
