import type { Display, Screen } from 'electron';
import type { DisplayInfo } from './plan.js';

export function displayInfos(screen: Screen): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d: Display) => ({
    id: d.id,
    bounds: { ...d.bounds },
    workArea: { ...d.workArea },
    primary: d.id === primary,
  }));
}

/**
 * Calls `replan` once the displays settle after a change: plugging a screen in fires several
 * events in a row (added, then metrics changed as the desktop rearranges).
 */
export function setupDisplays(screen: Screen, replan: (displays: DisplayInfo[]) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => replan(displayInfos(screen)), 500);
  };
  screen.on('display-added', changed);
  screen.on('display-removed', changed);
  screen.on('display-metrics-changed', changed);
}
