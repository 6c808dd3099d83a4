/**
 * Calls `fn` once the next frame has painted (a task after its animation frame), or after
 * `fallbackMs` when no frame comes: a hidden window gets none. Work that can wait (the cache
 * write, a heartbeat, the exact fit of texts) goes here, so the change it follows is on screen
 * first.
 */
export function afterPaint(fn: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(run, fallbackMs);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
}
