import type { ClockInput } from '../../core/protocol/index.js';
import type { Program } from '../../core/program/schema.js';
import { HostConnection } from '../lib/client.svelte.js';
import { AdminApi } from './api.js';
import { OverrideForms } from './forms.svelte.js';
import { ScreenPoll } from './screens.svelte.js';
import { ScreenActions } from './registry.svelte.js';
import { TEXT } from './strings.js';
import { forgetToken, keepToken, takeToken, type TokenPlace } from './token.js';

/** Where staff asked for an undo: the clash it meets is offered to force there, not twice. */
export type UndoFrom = 'log' | 'live' | 'stage';

/**
 * The admin window's state: the token, the connection to the host (the same client as every
 * screen), the forms, the screen list and the outcome of the last undo or clock change.
 */
export class Admin {
  token = $state<string | null>(null);
  /** Why the host refused the token; the token form shows it. */
  refused = $state<string | null>(null);
  query = $state('');
  /** The outcome of the last undo; `revision` (when it worked) lets the admin say who shows it. */
  logMessage = $state<{ text: string; ok: boolean; revision?: number } | null>(null);
  /** An undo the host refused with 409 (a clash): staff may then undo anyway. */
  undoClash = $state<{ target: number; error: string; from: UndoFrom } | null>(null);
  stageMessage = $state<{ text: string; ok: boolean } | null>(null);
  clockMessage = $state<{ text: string; ok: boolean } | null>(null);

  readonly conn = new HostConnection({ page: 'admin' });
  readonly api = new AdminApi(() => this.token ?? '');
  readonly forms = new OverrideForms(
    this.api,
    () => this.program,
    () => this.conn.now(),
  );
  readonly screens = new ScreenPoll(this.api, (message) => this.refuse(message));
  readonly registry = new ScreenActions(this.api, this.screens);

  constructor(private readonly place: TokenPlace) {}

  get program(): Program | null {
    return this.conn.snapshot?.program ?? null;
  }

  get zone(): string {
    return this.program?.conference.timeZone ?? 'UTC';
  }

  start(): void {
    this.token = takeToken(this.place);
    this.conn.start();
    if (this.token) this.screens.start();
  }

  useToken(token: string): void {
    const t = token.trim();
    if (!t) return;
    keepToken(this.place, t);
    this.token = t;
    this.refused = null;
    this.screens.start();
    void this.screens.poll();
  }

  refuse(message: string): void {
    this.refused = message;
    forgetToken(this.place);
    this.screens.stop();
  }

  /** Undoes `revision`; a 409 (it would double-book a room) is kept so staff can force it. */
  async undo(revision: number, force = false, from: UndoFrom = 'log'): Promise<boolean> {
    const res = await this.api.revert(revision, force);
    if (res.ok) {
      this.undoClash = null;
      this.logMessage = {
        text: TEXT.undo.ok(revision, res.value.revision),
        ok: true,
        revision: res.value.revision,
      };
      this.screens.soon();
      return true;
    }
    if (res.status === 401) this.refuse(res.error);
    this.undoClash = res.status === 409 && !force ? { target: revision, error: res.error, from } : null;
    this.logMessage = { text: TEXT.undo.refused(res.error), ok: false };
    return false;
  }

  /** "Next talk": points the block's now-speaking at `talk`. */
  async nowSpeaking(session: string, talk: string): Promise<boolean> {
    const res = await this.api.postOverride({ kind: 'now-speaking', session, talk });
    if (res.ok) {
      this.stageMessage = null;
      this.screens.soon();
      return true;
    }
    if (res.status === 401) this.refuse(res.error);
    this.stageMessage = { text: res.error, ok: false };
    return false;
  }

  async setClock(input: ClockInput, what: string): Promise<boolean> {
    const res = await this.api.clock(input);
    if (res.ok) {
      this.clockMessage = { text: what, ok: true };
      return true;
    }
    if (res.status === 401) this.refuse(res.error);
    const detail = res.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    this.clockMessage = { text: [res.error, ...detail].join(' — '), ok: false };
    return false;
  }

  /** Form submissions report a 401 too: take the token form back. */
  async submitOverride(force = false): Promise<void> {
    if (await this.forms.submit(this.zone, force)) this.screens.soon();
    if (this.forms.status === 401) this.refuse(this.forms.placed?.general.join(' ') ?? 'token refused (401)');
  }
}
