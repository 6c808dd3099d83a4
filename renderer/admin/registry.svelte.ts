import type { Alarm, Assignment, ScreenInfo } from '../../core/protocol/index.js';
import type { AdminApi, ApiResult } from './api.js';
import type { ScreenPoll } from './screens.svelte.js';

/** Captures kept at once (the newest). */
const MAX_CAPTURES = 12;

/** The screens in alarm (silent, or behind 10 s after a change), longest first. */
export function alarms(screens: readonly ScreenInfo[]): (ScreenInfo & { alarm: Alarm })[] {
  return screens
    .filter((s): s is ScreenInfo & { alarm: Alarm } => s.alarm !== null)
    .sort((a, b) => a.alarm.since - b.alarm.since || a.screen.localeCompare(b.screen));
}

/** The groups screens are in, sorted. */
export function groupsOf(screens: readonly ScreenInfo[]): string[] {
  const all = screens.flatMap((s) => (s.group ? [s.group] : []));
  return all.filter((g, i) => all.indexOf(g) === i).sort();
}

/** "room Borg (de)", "lobby", "not assigned": what a screen shows, as it reports it. */
export function showsText(s: ScreenInfo, roomName: (id: string) => string): string {
  const what = s.page === 'room' ? (s.room ? `room ${roomName(s.room)}` : 'not assigned') : s.page;
  return s.lang ? `${what} (${s.lang})` : what;
}

/**
 * The admin's hand on the registry: assign, group, identify, reload, dismiss, forget, capture.
 * Every answer polls the list soon, so it shows the screens' own reports of the change.
 */
export class ScreenActions {
  message = $state<{ ok: boolean; text: string } | null>(null);
  /** The screen the preview follows (its reported page, room and slide). */
  previewOf = $state<string | null>(null);
  /** Captures of Electron windows (data: URLs) by screen, shown beside their thumbnails; `at` is our real time. */
  captures = $state<Record<string, { url: string; at: number }>>({});
  /** The screen whose capture is shown large. */
  opened = $state<string | null>(null);

  constructor(
    private readonly api: AdminApi,
    private readonly poll: ScreenPoll,
  ) {}

  assign(screen: string, assignment: Assignment | null, group: string | null): Promise<boolean> {
    return this.#done(this.api.assignScreen({ screen, assignment, group }), `${screen}: saved`);
  }

  command(command: 'identify' | 'reload', target: { screens: string[] } | { group: string } | { all: true }) {
    return this.#done(this.api.screenCommand({ command, ...target }), (v) => {
      const names = (v as { screens: string[] }).screens;
      return `${command === 'identify' ? 'Identifying' : 'Reloading'} ${names.length === 1 ? names[0] : `${names.length} screens`}`;
    });
  }

  dismiss(s: ScreenInfo & { alarm: Alarm }) {
    return this.#done(
      this.api.dismissAlarm({ screen: s.screen, ...s.alarm }),
      `${s.screen}: alarm dismissed`,
    );
  }

  forget(screen: string) {
    return this.#done(this.api.forgetScreen(screen), `${screen}: forgotten (its name is free again)`);
  }

  async takeCapture(screen: string): Promise<void> {
    const res = await this.api.capture(screen);
    if (!res.ok) {
      this.message = { ok: false, text: res.error };
      return;
    }
    // A PNG of a full window is a megabyte or so as a data: URL: keep the latest few.
    const kept = Object.entries(this.captures)
      .filter(([s]) => s !== screen)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_CAPTURES - 1);
    this.captures = Object.fromEntries([[screen, { url: res.value, at: Date.now() }], ...kept]);
  }

  async #done<T>(call: Promise<ApiResult<T>>, text: string | ((v: T) => string)): Promise<boolean> {
    const res = await call;
    this.message = res.ok
      ? { ok: true, text: typeof text === 'string' ? text : text(res.value) }
      : { ok: false, text: res.error };
    if (res.ok) {
      void this.poll.poll();
      this.poll.soon();
    }
    return res.ok;
  }
}
