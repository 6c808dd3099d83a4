import type { OverrideKind } from '../../core/overrides/schema.js';
import type { Person, Program } from '../../core/program/schema.js';
import type { AdminApi } from './api.js';
import {
  FORM_FIELDS,
  alertDraft,
  announceDraft,
  cancelDraft,
  delayDraft,
  editDraft,
  formatSpeakers,
  moveDraft,
  nowSpeakingDraft,
  type Draft,
  type EditFields,
} from './forms.js';
import { placeProblems, type Placed } from './problems.js';

export const KINDS: { kind: OverrideKind; label: string; key: string }[] = [
  { kind: 'cancel', label: 'Cancel', key: '1' },
  { kind: 'delay', label: 'Delay', key: '2' },
  { kind: 'move', label: 'Move', key: '3' },
  { kind: 'edit', label: 'Edit', key: '4' },
  { kind: 'now-speaking', label: 'Now speaking', key: '5' },
  { kind: 'announce', label: 'Announce', key: '6' },
  { kind: 'alert', label: 'Alert', key: '7' },
];

/**
 * The override forms: one shared target (session and talk, prefilled by picking in the list) and
 * each kind's fields. Submitting asks the host and places its answer at the fields.
 */
export class OverrideForms {
  kind = $state<OverrideKind>('cancel');
  session = $state('');
  talk = $state('');

  note = $state('');
  minutes = $state<number | string | null>(10);
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
  done = $state<string | null>(null);
  /** HTTP status of the last answer (0: host unreachable). */
  status = $state<number | null>(null);

  constructor(
    private readonly api: AdminApi,
    private readonly program: () => Program | null,
  ) {}

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
        return delayDraft(this.session, this.minutes, this.cascade);
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
    if (this.kind === 'alert' && !this.alertConfirm) {
      this.alertConfirm = true;
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
        this.clash = null;
        this.alertConfirm = false;
        this.done = `Done: #${res.value.revision} is on every screen. Undo it from the log.`;
        if (kind === 'edit') this.#keepEdited();
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
        general: [`Could not send: ${e instanceof Error ? e.message : String(e)}`],
      };
      return false;
    } finally {
      this.busy = false;
    }
  }

  cancelAlert(): void {
    this.alertConfirm = false;
  }

  /** What was just sent is now the program's: the next edit sends only what changes from here. */
  #keepEdited(): void {
    this.#editWas = { ...this.edit };
  }
}
