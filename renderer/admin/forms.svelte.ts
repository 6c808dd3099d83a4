import type { Person, Program } from '../../core/program/schema.js';
import type { AdminApi } from './api.js';
import {
  FORM_FIELDS,
  type FormKind,
  alertDraft,
  announceDraft,
  cancelDraft,
  delayDraft,
  editDraft,
  formatSpeakers,
  moveDraft,
  nowSpeakingDraft,
  numberOf,
  type Draft,
  type EditFields,
} from './forms.js';
import { placeProblems, type Placed } from './problems.js';
import { dayEnd } from './days.js';
import { toVenueInput } from './time.js';
import { TEXT } from './strings.js';

export const KINDS: { kind: FormKind; label: string; key: string }[] = [
  { kind: 'cancel', label: TEXT.change.kind.cancel, key: '1' },
  { kind: 'delay', label: TEXT.change.kind.delay, key: '2' },
  { kind: 'move', label: TEXT.change.kind.move, key: '3' },
  { kind: 'edit', label: TEXT.change.kind.edit, key: '4' },
  { kind: 'now-speaking', label: TEXT.change.kind['now-speaking'], key: '5' },
  { kind: 'announce', label: TEXT.change.kind.announce, key: '6' },
  { kind: 'alert', label: TEXT.change.kind.alert, key: '7' },
];

/** The kind Alt+1 … Alt+7 picks, or undefined for any other key. */
export function kindForKey(
  e: Pick<KeyboardEvent, 'code' | 'altKey'> & Partial<KeyboardEvent>,
): FormKind | undefined {
  if (!e.altKey || e.ctrlKey || e.metaKey) return undefined;
  return KINDS.find((x) => e.code === `Digit${x.key}`)?.kind;
}

/** What the last accepted change was: the admin then says how many screens show it yet. */
export interface Done {
  revision: number;
  kind: FormKind;
}

/**
 * The override forms: one shared target (session and talk, prefilled by picking in the list) and
 * each kind's fields. Submitting asks the host and places its answer at the fields.
 */
export class OverrideForms {
  kind = $state<FormKind>('cancel');
  session = $state('');
  talk = $state('');

  note = $state('');
  /** Delay: how late the session runs in total (not an increment), as typed. */
  minutes = $state<number | string | null>(null);
  cascade = $state(false);
  room = $state('');
  /** The host's clash message after a 409 on move: staff may then force it. */
  clash = $state<string | null>(null);
  edit = $state<EditFields>({ title: '', speakers: '', note: '' });
  #editWas: EditFields = { title: '', speakers: '', note: '' };
  #speakersWas: Person[] = [];
  announceText = $state('');
  announceRooms = $state<string[]>([]);
  from = $state('');
  until = $state('');
  alertText = $state('');
  /** The alert's second step: staff confirm before every screen goes red. */
  alertConfirm = $state(false);

  busy = $state(false);
  placed = $state<Placed | null>(null);
  done = $state<Done | null>(null);
  /** HTTP status of the last answer (0: host unreachable). */
  status = $state<number | null>(null);

  constructor(
    private readonly api: AdminApi,
    private readonly program: () => Program | null,
    /** Host clock (ms): the announcement's default end is the end of the venue day it falls in. */
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * The one way to change the form's kind, for the buttons and Alt+1 … Alt+7 alike: whatever
   * belonged to the kind left (a clash to force, problems at its fields, a pending alert
   * confirmation, the last "done") goes with it.
   */
  setKind(kind: FormKind): void {
    this.kind = kind;
    this.clash = null;
    this.placed = null;
    this.done = null;
    this.alertConfirm = false;
    if (kind === 'announce') this.#defaultUntil();
  }

  /** The session's delay now (minutes, from the effective program; 0 when on time). */
  get currentDelay(): number {
    return this.program()?.sessions.find((s) => s.id === this.session)?.delayMinutes ?? 0;
  }

  /** Picks a session (and optionally one of its talks) and prefills every form from it. */
  select(sessionId: string, talkId = ''): void {
    this.session = sessionId;
    this.talk = talkId;
    this.clash = null;
    this.placed = null;
    this.done = null;
    this.prefill();
  }

  /** Refills the target-dependent fields after the session or talk changed. */
  prefill(): void {
    const s = this.program()?.sessions.find((x) => x.id === this.session);
    const t = s?.talks.find((x) => x.id === this.talk);
    if (s && this.talk && !t) this.talk = '';
    this.room = s?.room ?? '';
    this.minutes = s?.delayMinutes ?? 0;
    const src = t ?? s;
    this.#speakersWas = src?.speakers ?? [];
    this.#editWas = {
      title: src?.title ?? '',
      speakers: formatSpeakers(this.#speakersWas),
      note: src?.note ?? '',
    };
    this.edit = { ...this.#editWas };
  }

  errorsAt(field: string): string[] {
    return this.placed?.byField[field] ?? [];
  }

  draft(zone: string, force = false): Draft {
    const target = { session: this.session, talk: this.talk };
    switch (this.kind) {
      case 'cancel':
        return cancelDraft(target, this.note);
      case 'delay':
        return delayDraft(this.session, this.delayIncrement, this.cascade);
      case 'move':
        return moveDraft(this.session, this.room, force);
      case 'edit':
        return editDraft(target, this.edit, this.#editWas, this.#speakersWas);
      case 'now-speaking':
        return nowSpeakingDraft(this.session, this.talk);
      case 'announce':
        return announceDraft(this.announceText, this.announceRooms, this.from, this.until, zone);
      case 'alert':
        return alertDraft(this.alertText);
    }
  }

  /** Sends the current form. Resolves true when the host accepted it. */
  async submit(zone: string, force = false): Promise<boolean> {
    if (this.busy) return false;
    // Only a move has a clash to force: a stale "Move anyway" must never send another kind.
    if (force && (this.kind !== 'move' || this.clash === null)) return false;
    if (this.kind === 'alert' && !this.alertConfirm) {
      this.alertConfirm = true;
      return false;
    }
    if (this.kind === 'delay' && this.delayIncrement === 0) {
      this.placed = { byField: { minutes: [TEXT.delay.unchanged(this.currentDelay)] }, general: [] };
      return false;
    }
    this.busy = true;
    this.done = null;
    this.placed = null;
    const kind = this.kind;
    try {
      const res = await this.api.postOverride(this.draft(zone, force));
      this.status = res.ok ? 200 : res.status;
      if (res.ok) {
        this.#reset();
        this.done = { revision: res.value.revision, kind };
        return true;
      }
      this.placed = placeProblems(res.error, res.problems, FORM_FIELDS[kind]);
      if (kind === 'move' && res.status === 409) {
        this.clash = res.error;
        this.placed = { byField: {}, general: [] };
      }
      if (kind === 'alert') this.alertConfirm = false;
      return false;
    } catch (e) {
      // A bug of ours, not the host's answer: still say it where staff look.
      this.placed = {
        byField: {},
        general: [TEXT.change.notSent(e instanceof Error ? e.message : String(e))],
      };
      return false;
    } finally {
      this.busy = false;
    }
  }

  cancelAlert(): void {
    this.alertConfirm = false;
  }

  /**
   * The delay to send. Staff type the total ("15 min late"); the journal keeps increments (each
   * delay entry shifts by its `minutes`, and undoing one takes back exactly that shift), so the
   * form sends the difference from the session's delay now. Changing the schema to carry a total
   * would change what every stored journal means; the difference keeps it. null: unreadable box.
   */
  get delayIncrement(): number | null {
    const total = numberOf(this.minutes);
    return total === null ? null : total - this.currentDelay;
  }

  /**
   * After an accepted change the form starts over (no session, empty texts): Enter pressed again
   * finds nothing to send instead of sending the same change twice.
   */
  #reset(): void {
    this.session = '';
    this.talk = '';
    this.prefill();
    this.minutes = null;
    this.note = '';
    this.cascade = false;
    this.clash = null;
    this.alertConfirm = false;
    this.alertText = '';
    this.announceText = '';
    this.announceRooms = [];
    this.from = '';
    this.until = '';
    if (this.kind === 'announce') this.#defaultUntil();
  }

  /** An announcement ends, unless staff say otherwise, with the venue day it starts in. */
  #defaultUntil(): void {
    const p = this.program();
    if (!p || this.until !== '') return;
    const end = dayEnd(p, this.now());
    if (end !== null) this.until = toVenueInput(end, p.conference.timeZone);
  }
}
