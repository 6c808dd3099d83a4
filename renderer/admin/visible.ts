/**
 * Tells each element whether it is on screen, through one IntersectionObserver for them all
 * (200 thumbnails, one observer). An element seen only in passing (scrolling past it) is never
 * told: it must stay in view `settleMs` first, so a fling through the list mounts no frames.
 */
const MARGIN = '120px';

interface Watch {
  fn: (visible: boolean) => void;
  settleMs: number;
  timer: ReturnType<typeof setTimeout> | null;
  told: boolean;
}

let observer: IntersectionObserver | null = null;
const watched = new Map<Element, Watch>();

function seen(entries: IntersectionObserverEntry[]): void {
  for (const e of entries) {
    const w = watched.get(e.target);
    if (!w) continue;
    if (w.timer) clearTimeout(w.timer);
    w.timer = null;
    if (!e.isIntersecting) {
      if (w.told) w.fn(false);
      w.told = false;
      continue;
    }
    w.timer = setTimeout(() => {
      w.timer = null;
      w.told = true;
      w.fn(true);
    }, w.settleMs);
  }
}

/** Calls `fn(true)` once `el` has been in view for `settleMs`, `fn(false)` when it leaves; returns the unwatch. */
export function watchVisible(el: Element, fn: (visible: boolean) => void, settleMs = 150): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    fn(true); // an engine without it draws every thumbnail rather than none
    return () => {};
  }
  observer ??= new IntersectionObserver(seen, { rootMargin: MARGIN });
  watched.set(el, { fn, settleMs, timer: null, told: false });
  observer.observe(el);
  return () => {
    const w = watched.get(el);
    if (w?.timer) clearTimeout(w.timer);
    watched.delete(el);
    observer?.unobserve(el);
  };
}
