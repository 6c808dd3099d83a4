import type { Loop } from '../../core/settings/loop.js';
import type { Settings } from '../../core/settings/schema.js';
import type { CustomSlide } from '../../core/settings/slides.js';
import type { ImageRef } from '../../core/settings/theme.js';
import type { AdminApi } from './api.js';
import type { LoopTarget } from './loop-edit.js';
import type { Problem } from './problems.js';
import { TEXT } from './strings.js';

/**
 * The Loop & slides panel's draft: the settings' `loop` and `slides`, edited here and saved as
 * part of the whole settings document (the rest as the screens have it now). While nothing is
 * edited it follows the settings in force, so another admin's change shows up.
 */
export class SlidesEditor {
  loop = $state.raw<Loop>({ room: [], rooms: {}, lobby: [] });
  slides = $state.raw<CustomSlide[]>([]);
  target = $state.raw<LoopTarget>({ kind: 'rooms' });
  dirty = $state(false);
  busy = $state(false);
  message = $state<{ text: string; ok: boolean } | null>(null);
  problems = $state.raw<Problem[]>([]);

  constructor(
    private readonly api: AdminApi,
    private readonly base: () => Settings,
  ) {
    this.follow();
  }

  /** Takes the settings in force, unless staff are editing. */
  follow(): void {
    if (this.dirty) return;
    const s = this.base();
    this.loop = s.loop;
    this.slides = s.slides;
  }

  edit(next: { loop?: Loop; slides?: CustomSlide[] }): void {
    if (next.loop) this.loop = next.loop;
    if (next.slides) this.slides = next.slides;
    this.dirty = true;
    this.message = null;
  }

  discard(): void {
    this.dirty = false;
    this.problems = [];
    this.message = null;
    this.follow();
  }

  async save(): Promise<boolean> {
    this.busy = true;
    try {
      const r = await this.api.putSettings({ ...this.base(), loop: this.loop, slides: this.slides });
      if (!r.ok) {
        this.problems = r.problems;
        this.message = { text: r.error, ok: false };
        return false;
      }
      this.dirty = false;
      this.problems = [];
      this.message = { text: TEXT.slides.saved(r.value.revision), ok: true };
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** Uploads an image to the host's store; the reference, or why the host refused it. */
  async upload(file: File): Promise<{ ok: true; image: ImageRef } | { ok: false; error: string }> {
    const r = await this.api.uploadImage(file);
    if (!r.ok) return { ok: false, error: `${file.name}: ${r.error}` };
    const { hash, ext, width, height } = r.value;
    return { ok: true, image: { hash, ext, width, height } };
  }
}
