/**
 * Shrinks text until it fits its box: a long title wraps and gets smaller rather than being
 * clipped or spilling out. The box must have a definite size (flex: 1 1 0 / max-height); the
 * element's CSS font-size is the largest it may be.
 */

/** The largest size in [min, max] for which `fits` holds (binary search; `fits` is monotone). */
export function fitSize(fits: (px: number) => boolean, max: number, min: number, steps = 9): number {
  if (fits(max)) return max;
  let lo = min;
  let hi = max;
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 10) / 10;
}

const spills = (el: Element): boolean =>
  el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/** The box or a block inside it is too small for its text (a long word can spill into padding). */
export function overflows(el: HTMLElement): boolean {
  if (spills(el)) return true;
  for (const child of Array.from(el.querySelectorAll('*')))
    if (child.clientWidth > 0 && child.scrollWidth > child.clientWidth + 1) return true;
  return false;
}

export interface FitOptions {
  /** Smallest size as a fraction of the CSS size. */
  min?: number;
  /** Anything whose change should refit (the text, the layout). */
  key?: unknown;
}

/** Svelte action: `<h1 use:fit={{ key: title }}>`. */
export function fit(node: HTMLElement, opts: FitOptions = {}) {
  let options = opts;
  let frame = 0;
  const run = () => {
    frame = 0;
    node.style.fontSize = '';
    const max = parseFloat(getComputedStyle(node).fontSize);
    const min = max * (options.min ?? 0.25);
    const search = () =>
      fitSize(
        (px) => {
          node.style.fontSize = `${px}px`;
          return !overflows(node);
        },
        max,
        min,
      );
    // Shrink rather than break a word in two ("Wincheste r"); only a word too long even at the
    // smallest size may break (the box's own overflow-wrap).
    node.style.overflowWrap = 'normal';
    let size = search();
    node.style.fontSize = `${size}px`;
    if (overflows(node)) {
      node.style.overflowWrap = '';
      size = search();
    }
    node.style.fontSize = size === max ? '' : `${size}px`;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(run);
  };
  const resize = new ResizeObserver(schedule);
  resize.observe(node);
  if (node.parentElement) resize.observe(node.parentElement);
  const mutate = new MutationObserver(schedule);
  mutate.observe(node, { subtree: true, childList: true, characterData: true });
  void document.fonts?.ready.then(schedule);
  run();
  return {
    update(next: FitOptions) {
      options = next;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      mutate.disconnect();
    },
  };
}
