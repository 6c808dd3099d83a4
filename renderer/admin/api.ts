import type {
  AssignInput,
  ClockInput,
  ClusterInfo,
  CommandInput,
  DismissInput,
  FollowInput,
  FollowResult,
  ImageStored,
  OverrideAccepted,
  OverrideInput,
  ProgramInfo,
  RegistryInfo,
  ScreenInfo,
  SettingsInfo,
} from '../../core/protocol/index.js';
import { SCREEN_ROUTES } from '../../core/protocol/screens-wire.js';
import { BEARER, CLUSTER_ROUTE, ROUTES } from '../../core/protocol/wire.js';
import type { SettingsInput } from '../../core/settings/schema.js';
import type { Problem } from './problems.js';

/**
 * The admin's calls to the host: every one carries the bearer token, and every refusal comes back
 * as the host's own `{error, problems}` so the form can show each problem at its field.
 *
 * The admin trusts its host's answers as the screens do (the host validated everything it stores
 * and answers with it), so it carries no zod (issue 13: the window's weight); what is checked here
 * is only that an answer is a JSON object at all (a proxy's HTML page is not).
 */
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; error: string; problems: Problem[] };

/** What a fetch, an upload and a choice answer: that fetch's result and the follower after it. */
type ProgramAnswer = { result: FollowResult; info: ProgramInfo };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The host's answer as `T`; throws (an "unexpected body") when it is no JSON object. */
function trusted<T>(v: unknown): T {
  if (!isObject(v)) throw new TypeError('not a JSON object');
  return v as T;
}

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
    return this.call<OverrideAccepted>('POST', ROUTES.overrides, o, trusted);
  }

  /** `force`: undo even when the host answers 409 that it would double-book a room. */
  revert(revision: number, force = false): Promise<ApiResult<OverrideAccepted>> {
    const body = force ? { force: true } : {};
    return this.call<OverrideAccepted>('POST', ROUTES.revert(revision), body, trusted);
  }

  clock(input: ClockInput): Promise<ApiResult<unknown>> {
    // The host may answer with ClockInfo or {clock: ClockInfo}; the stream brings the change anyway.
    return this.call('POST', ROUTES.clock, input, (v) => v);
  }

  /** The screens with the registry's cap, how full it is and whom it refused (issue 15). */
  registry(): Promise<ApiResult<RegistryInfo>> {
    return this.call<RegistryInfo>('GET', SCREEN_ROUTES.registry, undefined, trusted);
  }

  /** What a screen shows and its group (issue 15). */
  assignScreen(input: AssignInput): Promise<ApiResult<ScreenInfo>> {
    return this.call<ScreenInfo>('POST', SCREEN_ROUTES.assign, input, trusted);
  }

  screenCommand(input: CommandInput): Promise<ApiResult<{ screens: string[] }>> {
    return this.call<{ screens: string[] }>('POST', SCREEN_ROUTES.command, input, trusted);
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
    return this.call<ClusterInfo>('GET', CLUSTER_ROUTE, undefined, trusted);
  }

  program(): Promise<ApiResult<ProgramInfo>> {
    return this.call<ProgramInfo>('GET', ROUTES.program, undefined, trusted);
  }

  follow(input: FollowInput): Promise<ApiResult<ProgramInfo>> {
    return this.call<ProgramInfo>('POST', ROUTES.programFollow, input, trusted);
  }

  fetchProgram(): Promise<ApiResult<ProgramAnswer>> {
    return this.call<ProgramAnswer>('POST', ROUTES.programFetch, {}, trusted);
  }

  /** The file itself is the body: a schedule can be megabytes, more than a JSON body may be. */
  upload(name: string, text: string, zone?: string): Promise<ApiResult<ProgramAnswer>> {
    const zoneQ = zone !== undefined ? `&zone=${encodeURIComponent(zone)}` : '';
    const route = `${ROUTES.programUpload}?name=${encodeURIComponent(name)}${zoneQ}`;
    return this.call<ProgramAnswer>('POST', route, { raw: text }, trusted);
  }

  choose(choice: 'approve' | 'reject', hash: string): Promise<ApiResult<ProgramAnswer>> {
    const route = choice === 'approve' ? ROUTES.programApprove : ROUTES.programReject;
    return this.call<ProgramAnswer>('POST', route, { hash }, trusted);
  }

  settings(): Promise<ApiResult<SettingsInfo>> {
    return this.call<SettingsInfo>('GET', ROUTES.settings, undefined, trusted);
  }

  /** Replaces the screens' settings document whole (what is left out takes its default). */
  putSettings(settings: SettingsInput): Promise<ApiResult<SettingsInfo>> {
    return this.call<SettingsInfo>('PUT', ROUTES.settings, settings, trusted);
  }

  /** The image file itself is the body; the host checks what it is by its bytes. */
  uploadImage(file: Blob): Promise<ApiResult<ImageStored>> {
    return this.call<ImageStored>('POST', ROUTES.images, { raw: file }, trusted);
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
  if (isObject(payload) && typeof payload.error === 'string') {
    const error = status === 401 ? `The host refused the admin token (401): ${payload.error}` : payload.error;
    return { ok: false, status, error, problems: problemsOf(payload.problems) };
  }
  const error =
    status === 401
      ? 'The host refused the admin token (401): type the token printed by `hallway serve` or `hallway token`.'
      : `The host answered ${status} without saying why`;
  return { ok: false, status, error, problems: [] };
}

/** The `problems` of a refusal (`[{path, message}]`); anything else in the list is left out. */
function problemsOf(v: unknown): Problem[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (p): p is Problem => isObject(p) && typeof p.path === 'string' && typeof p.message === 'string',
  );
}
