import { afterPaint } from './after-paint.js';

/**
 * Shrinks text until it fits its box: a long title wraps and gets smaller rather than being
 * clipped or spilling out. The box must have a definite size (flex: 1 1 0 / max-height); the
 * element's CSS font-size is the largest it may be.
 *
 * Every box waiting to be fitted is fitted together: each round writes one trial size to every
 * box, then reads them all, so a round costs one layout for the whole page rather than one per
 * box and step. The first trial is estimated from how far the text overflows at full size, so a
 * box usually settles in three to five rounds. A box is refitted only when its text, its key or
 * its size (or its parent's) changed.
 *
 * A new box's first frame does not wait for that search (a 35C3 lobby page: some 25 layouts, most
 * of its time to first paint): the new boxes show at their estimates, measured in one layout, and
 * the search runs right after that frame, moving each text by a few percent at most.
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

/** One box's search: `hi` is always a size known to overflow, `lo` one known to fit if `loOk`. */
export interface Search {
  max: number;
  min: number;
  lo: number;
  hi: number;
  loOk: boolean;
  /** Trials in a row that went the same way: the step towards the other side doubles each time. */
  streak?: number;
  last?: boolean;
}

/**
 * First trial size from the overflow at full size: wrapped text takes an area ∝ size², so its
 * height scales with size²; a word too wide for the box scales with size.
 */
export function estimateSize(s: Search, heightRatio: number, widthRatio: number): number {
  const r = Math.min(Math.sqrt(Math.max(0, heightRatio)), Math.max(0, widthRatio));
  return Math.min(s.hi, Math.max(s.min, s.max * r * 0.98));
}

/** The next size to try, or null when the search is over (at `lo`, or failed even at `min`). */
export function nextTrial(s: Search): number | null {
  if (s.hi <= s.min) return null;
  const tol = Math.max(0.4, s.max * 0.01);
  if (s.hi - s.lo <= tol) return s.loOk ? null : s.min;
  const mid = (s.lo + s.hi) / 2;
  // small steps from the estimate first (it is usually close), doubling while they go one way
  const step = 0.06 * 2 ** (s.streak ?? 0);
  return s.loOk ? Math.min(mid, s.lo * (1 + step)) : Math.max(mid, s.hi * (1 - step));
}

/** Record whether `trial` fitted. */
export function record(s: Search, trial: number, fits: boolean): void {
  s.streak = s.last === fits ? (s.streak ?? 0) + 1 : 0;
  s.last = fits;
  if (fits) {
    s.lo = trial;
    s.loOk = true;
  } else s.hi = trial;
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

/** How much of the text fits: the box's height over the text's, and the narrowest width ratio. */
function ratios(el: HTMLElement): { h: number; w: number } {
  let w = el.scrollWidth > 0 ? el.clientWidth / el.scrollWidth : 1;
  for (const child of Array.from(el.querySelectorAll('*')))
    if (child.clientWidth > 0 && child.scrollWidth > 0)
      w = Math.min(w, child.clientWidth / child.scrollWidth);
  return { h: el.scrollHeight > 0 ? el.clientHeight / el.scrollHeight : 1, w: Math.min(1, w) };
}

export interface FitOptions {
  /** Smallest size as a fraction of the CSS size. */
  min?: number;
  /**
   * Smallest size when the text does not fit even at `min` (a lobby cell cut to a sliver by the
   * grid's window): smaller still rather than spilling out of its box. Defaults to `min`.
   */
  floor?: number;
  /** Anything whose change should refit (the text, the layout). */
  key?: unknown;
}

interface Box {
  node: HTMLElement;
  options: FitOptions;
  /** Text, key and sizes when last fitted: unchanged means nothing to do. */
  done: string | null;
  /** The same when given its first-frame estimate, until the search after that frame. */
  estimated: string | null;
  /** Not fitted nor estimated yet: its first frame shows the estimate. */
  fresh: boolean;
}

interface Job extends Search {
  box: Box;
  trial: number | null;
}

const MAX_ROUNDS = 12;

/** Fit boxes together; returns the boxes that overflow even at their smallest size. */
function fitTogether(boxes: Box[], last = false): Box[] {
  for (const b of boxes) b.node.style.fontSize = '';
  const jobs: Job[] = [];
  for (const box of boxes) {
    if (!overflows(box.node)) continue;
    const css = parseFloat(getComputedStyle(box.node).fontSize);
    const least = box.options.min ?? 0.25;
    // The last pass (words may break) looks only below the first pass's smallest size: shrink
    // rather than break, and no second search of the whole range (a lobby page's first paint).
    const max = last ? css * least : css;
    const min = css * (last ? (box.options.floor ?? least) : least);
    const job: Job = { box, max, min, lo: min, hi: max, loOk: false, trial: null };
    if (last) job.trial = max;
    else {
      const r = ratios(box.node);
      job.trial = estimateSize(job, r.h, r.w);
    }
    jobs.push(job);
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const active = jobs.filter((j) => j.trial !== null);
    if (active.length === 0) break;
    for (const j of active) j.box.node.style.fontSize = `${j.trial}px`;
    for (const j of active) {
      record(j, j.trial!, !overflows(j.box.node));
      j.trial = nextTrial(j);
    }
  }
  const stuck: Box[] = [];
  for (const j of jobs) {
    if (!j.loOk) stuck.push(j.box);
    j.box.node.style.fontSize = `${Math.floor((j.loOk ? j.lo : j.min) * 10) / 10}px`;
  }
  return stuck;
}

function signature(b: Box): string {
  const n = b.node;
  const p = n.parentElement;
  const sizes = `${n.clientWidth}x${n.clientHeight}/${p?.clientWidth ?? 0}x${p?.clientHeight ?? 0}`;
  return `${sizes}|${String(b.options.key)}|${n.textContent ?? ''}`;
}

const queue = new Set<Box>();
let pending = false;
const refining = new Set<Box>();

/**
 * Before the page's first paint: each box that overflows at its CSS size gets the size its
 * overflow suggests (estimateSize), all measured in one layout; the exact search follows the frame.
 */
function estimate(boxes: Box[]): void {
  for (const b of boxes) {
    b.node.style.overflowWrap = 'normal';
    b.node.style.fontSize = '';
  }
  const sizes: [Box, number][] = [];
  for (const b of boxes) {
    if (!overflows(b.node)) continue;
    const css = parseFloat(getComputedStyle(b.node).fontSize);
    const min = css * (b.options.min ?? 0.25);
    const r = ratios(b.node);
    sizes.push([b, estimateSize({ max: css, min, lo: min, hi: css, loOk: false }, r.h, r.w)]);
  }
  for (const [b, px] of sizes) b.node.style.fontSize = `${Math.floor(px * 10) / 10}px`;
  for (const b of boxes) {
    b.fresh = false;
    b.estimated = signature(b);
    refining.add(b);
  }
}

/** After the frame that painted the estimates (a hidden page gets no frames: the timer covers it). */
function refineAfterPaint(): void {
  afterPaint(() => {
    for (const b of refining) {
      b.estimated = null;
      queue.add(b);
    }
    refining.clear();
    flush();
  });
}

function flush(): void {
  pending = false;
  const boxes = [...queue].filter((b) => b.node.isConnected);
  queue.clear();
  // all reads first (one layout), then the fitting rounds; a box at its first-frame estimate
  // waits for the search after that frame
  const todo = boxes.filter((b) => {
    if (b.node.clientWidth === 0) return false;
    const sig = signature(b);
    return sig !== b.done && sig !== b.estimated;
  });
  const fresh = todo.filter((b) => b.fresh);
  const exact = todo.filter((b) => !b.fresh);
  if (fresh.length > 0) {
    if (refining.size === 0) refineAfterPaint();
    estimate(fresh);
  }
  fitExactly(exact);
}

function fitExactly(todo: Box[]): void {
  if (todo.length === 0) return;
  // Shrink rather than break a word in two ("Wincheste r"); only a word too long even at the
  // smallest size may break (the box's own overflow-wrap).
  for (const b of todo) b.node.style.overflowWrap = 'normal';
  const stuck = fitTogether(todo);
  if (stuck.length > 0) {
    for (const b of stuck) b.node.style.overflowWrap = '';
    fitTogether(stuck, true);
  }
  for (const b of todo) b.done = signature(b);
}

/** `soon`: before this frame paints (a microtask); else next frame (from a ResizeObserver). */
function request(box: Box, soon: boolean): void {
  queue.add(box);
  if (pending) return;
  pending = true;
  if (soon) queueMicrotask(flush);
  else requestAnimationFrame(flush);
}

/** Svelte action: `<h1 use:fit={{ key: title }}>`. */
export function fit(node: HTMLElement, opts: FitOptions = {}) {
  const box: Box = { node, options: opts, done: null, estimated: null, fresh: true };
  // fitting changes the node's own size; the signature check turns that echo into a no-op
  const resize = new ResizeObserver(() => request(box, false));
  resize.observe(node);
  if (node.parentElement) resize.observe(node.parentElement);
  const mutate = new MutationObserver(() => request(box, true));
  mutate.observe(node, { subtree: true, childList: true, characterData: true });
  void document.fonts?.ready.then(() => {
    box.done = null;
    request(box, false);
  });
  request(box, true);
  return {
    update(next: FitOptions) {
      box.options = next;
      request(box, true);
    },
    destroy() {
      queue.delete(box);
      refining.delete(box);
      resize.disconnect();
      mutate.disconnect();
    },
  };
}
