import {
  ApiError,
  BEARER,
  CLUSTER_ROUTE,
  ClockInfo,
  ClusterInfo,
  FollowResult,
  OverrideAccepted,
  ProgramInfo,
  ROUTES,
  SCREEN_ROUTES,
  CommandAccepted,
  RegistryInfo,
  ScreenInfo,
  SettingsInfo,
  ImageStored,
  type AssignInput,
  type CommandInput,
  type DismissInput,
  type ClockInput,
  type FollowInput,
  type OverrideInput,
} from '../../core/protocol/index.js';
import type { SettingsInput } from '../../core/settings/schema.js';
import type { Problem } from './problems.js';
import { z } from 'zod';

/**
 * The admin's calls to the host: every one carries the bearer token, and every refusal comes back
 * as the host's own `{error, problems}` so the form can show each problem at its field.
 */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; error: string; problems: Problem[] };

const ProgramAnswer = z.object({ result: FollowResult, info: ProgramInfo });

const isRaw = (body: unknown): body is { raw: string | Blob } =>
  typeof body === 'object' &&
  body !== null &&
  'raw' in body &&
  (typeof body.raw === 'string' || (typeof Blob !== 'undefined' && body.raw instanceof Blob));

export class AdminApi {
  constructor(
    private readonly token: () => string,
    private readonly baseUrl = '',
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  postOverride(o: OverrideInput | Record<string, unknown>): Promise<ApiResult<OverrideAccepted>> {
    return this.call('POST', ROUTES.overrides, o, (v) => OverrideAccepted.parse(v));
  }

  /** `force`: undo even when the host answers 409 that it would double-book a room. */
  revert(revision: number, force = false): Promise<ApiResult<OverrideAccepted>> {
    const body = force ? { force: true } : {};
    return this.call('POST', ROUTES.revert(revision), body, (v) => OverrideAccepted.parse(v));
  }

  clock(input: ClockInput): Promise<ApiResult<unknown>> {
    // The host may answer with ClockInfo or {clock: ClockInfo}; the stream brings the change anyway.
    return this.call('POST', ROUTES.clock, input, (v) => ClockInfo.safeParse(v).data ?? v);
  }

  /** The screens with the registry's cap, how full it is and whom it refused (issue 15). */
  registry(): Promise<ApiResult<RegistryInfo>> {
    return this.call('GET', SCREEN_ROUTES.registry, undefined, (v) => RegistryInfo.parse(v));
  }

  /** What a screen shows and its group (issue 15). */
  assignScreen(input: AssignInput): Promise<ApiResult<ScreenInfo>> {
    return this.call('POST', SCREEN_ROUTES.assign, input, (v) => ScreenInfo.parse(v));
  }

  screenCommand(input: CommandInput): Promise<ApiResult<{ screens: string[] }>> {
    return this.call('POST', SCREEN_ROUTES.command, input, (v) => CommandAccepted.parse(v));
  }

  dismissAlarm(input: DismissInput): Promise<ApiResult<unknown>> {
    return this.call('POST', SCREEN_ROUTES.dismiss, input, (v) => v);
  }

  forgetScreen(screen: string): Promise<ApiResult<unknown>> {
    return this.call('POST', SCREEN_ROUTES.forget, { screen }, (v) => v);
  }

  /** A PNG of an Electron window of the host, as a data: URL (the pages' CSP allows data: images). */
  async capture(screen: string): Promise<ApiResult<string>> {
    const route = `${SCREEN_ROUTES.capture}?screen=${encodeURIComponent(screen)}`;
    try {
      const res = await this.fetchFn(this.baseUrl + route, {
        headers: { Authorization: BEARER + this.token() },
        cache: 'no-store',
      });
      if (!res.ok) return refusal(res.status, await res.json().catch(() => null));
      const bytes = new Uint8Array(await res.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { ok: true, value: `data:image/png;base64,${btoa(text)}` };
    } catch (e) {
      return { ok: false, status: 0, error: `Cannot reach the host (${String(e)})`, problems: [] };
    }
  }

  /** The cluster's hosts, their screens, the stream and its NATS nodes (`stream` null: one host). */
  cluster(): Promise<ApiResult<ClusterInfo>> {
    return this.call('GET', CLUSTER_ROUTE, undefined, (v) => ClusterInfo.parse(v));
  }

  program(): Promise<ApiResult<ProgramInfo>> {
    return this.call('GET', ROUTES.program, undefined, (v) => ProgramInfo.parse(v));
  }

  follow(input: FollowInput): Promise<ApiResult<ProgramInfo>> {
    return this.call('POST', ROUTES.programFollow, input, (v) => ProgramInfo.parse(v));
  }

  fetchProgram(): Promise<ApiResult<{ result: FollowResult; info: ProgramInfo }>> {
    return this.call('POST', ROUTES.programFetch, {}, (v) => ProgramAnswer.parse(v));
  }

  /** The file itself is the body: a schedule can be megabytes, more than a JSON body may be. */
  upload(
    name: string,
    text: string,
    zone?: string,
  ): Promise<ApiResult<{ result: FollowResult; info: ProgramInfo }>> {
    const zoneQ = zone !== undefined ? `&zone=${encodeURIComponent(zone)}` : '';
    const route = `${ROUTES.programUpload}?name=${encodeURIComponent(name)}${zoneQ}`;
    return this.call('POST', route, { raw: text }, (v) => ProgramAnswer.parse(v));
  }

  choose(
    choice: 'approve' | 'reject',
    hash: string,
  ): Promise<ApiResult<{ result: FollowResult; info: ProgramInfo }>> {
    const route = choice === 'approve' ? ROUTES.programApprove : ROUTES.programReject;
    return this.call('POST', route, { hash }, (v) => ProgramAnswer.parse(v));
  }

  settings(): Promise<ApiResult<SettingsInfo>> {
    return this.call('GET', ROUTES.settings, undefined, (v) => SettingsInfo.parse(v));
  }

  /** Replaces the screens' settings document whole (what is left out takes its default). */
  putSettings(settings: SettingsInput): Promise<ApiResult<SettingsInfo>> {
    return this.call('PUT', ROUTES.settings, settings, (v) => SettingsInfo.parse(v));
  }

  /** The image file itself is the body; the host checks what it is by its bytes. */
  uploadImage(file: Blob): Promise<ApiResult<ImageStored>> {
    return this.call('POST', ROUTES.images, { raw: file }, (v) => ImageStored.parse(v));
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PUT',
    route: string,
    body: unknown,
    read: (v: unknown) => T,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Authorization: BEARER + this.token() };
    const raw = isRaw(body) ? body.raw : undefined;
    if (body !== undefined)
      headers['Content-Type'] =
        raw === undefined
          ? 'application/json'
          : typeof raw === 'string'
            ? 'text/plain'
            : raw.type || 'application/octet-stream';
    let res: Response;
    try {
      res = await this.fetchFn(this.baseUrl + route, {
        method,
        headers,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
        cache: 'no-store',
      });
    } catch (e) {
      return {
        ok: false,
        status: 0,
        error: `Cannot reach the host (${e instanceof Error ? e.message : String(e)}): is hallway still running?`,
        problems: [],
      };
    }
    const payload: unknown = await res.json().catch(() => null);
    if (!res.ok) return refusal(res.status, payload);
    try {
      return { ok: true, value: read(payload) };
    } catch {
      return {
        ok: false,
        status: res.status,
        error: `The host answered ${route} with an unexpected body`,
        problems: [],
      };
    }
  }
}

function refusal(status: number, payload: unknown): ApiResult<never> {
  const parsed = ApiError.safeParse(payload);
  if (parsed.success) {
    const error =
      status === 401 ? `The host refused the admin token (401): ${parsed.data.error}` : parsed.data.error;
    return { ok: false, status, error, problems: parsed.data.problems };
  }
  const error =
    status === 401
      ? 'The host refused the admin token (401): type the token printed by `hallway serve` or `hallway token`.'
      : `The host answered ${status} without saying why`;
  return { ok: false, status, error, problems: [] };
}
