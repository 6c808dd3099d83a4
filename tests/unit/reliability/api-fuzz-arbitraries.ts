import fc from 'fast-check';

/**
 * Malformed requests for every API route, each with what the host must answer: the statuses it
 * may use and, when the fault is in one field, that field (the 4xx must name it).
 */
export interface BadRequest {
  what: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  statuses: number[];
  /** A field the answer's problems (or error text) must name. */
  field?: string;
  /** Text the error must contain (an unknown id). */
  mentions?: string;
}

/** Valid overrides against OpML '19: each mutation below makes them invalid in one known way. */
export const TEMPLATES: Record<string, Record<string, unknown>> = {
  cancel: { kind: 'cancel', session: 't1-production', note: 'speaker ill' },
  delay: { kind: 'delay', session: 't1-production', minutes: 10, cascade: true },
  move: { kind: 'move', session: 't1-production', room: 'magnolia', force: true },
  edit: { kind: 'edit', talk: 't2-pm1-1', title: 'New title', speakers: [{ name: 'A B' }], note: 'n' },
  'now-speaking': { kind: 'now-speaking', session: 't2-pm1', talk: 't2-pm1-2' },
  announce: {
    kind: 'announce',
    text: 'Coffee in the lobby',
    rooms: ['winchester'],
    from: '2019-05-20T10:00:00-07:00',
    until: '2019-05-20T11:00:00-07:00',
  },
  alert: { kind: 'alert', text: 'Please leave the building' },
};
const KINDS = Object.keys(TEMPLATES);

/** Fields whose absence makes each kind invalid (cancel/edit: both session and talk absent). */
const REQUIRED: Record<string, string[]> = {
  cancel: ['kind', 'session'],
  delay: ['kind', 'session', 'minutes'],
  move: ['kind', 'session', 'room'],
  edit: ['kind', 'talk'],
  'now-speaking': ['kind', 'session', 'talk'],
  announce: ['kind', 'text'],
  alert: ['kind', 'text'],
};

type FieldType = 'id' | 'text' | 'note' | 'int' | 'bool' | 'people' | 'ids' | 'instant' | 'kind';
const FIELD_TYPE: Record<string, FieldType> = {
  kind: 'kind',
  session: 'id',
  talk: 'id',
  room: 'id',
  note: 'note',
  title: 'text',
  text: 'text',
  minutes: 'int',
  cascade: 'bool',
  force: 'bool',
  speakers: 'people',
  rooms: 'ids',
  from: 'instant',
  until: 'instant',
};

const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const badId = fc.constantFrom(
  '',
  'has space',
  '-leading-dash',
  'a'.repeat(201),
  'ümlaut',
  '<script>',
  'a/b',
  '../x',
);
const badInstant = fc.constantFrom(
  'tomorrow',
  '2019-05-20T10:00:00',
  '2019-05-20',
  '2019-13-45T99:00:00Z',
  '20190520T100000Z',
  '2019-05-20 10:00:00-07:00',
  '',
);

/** A value that is wrong for a field of this type (wrong type, or right type and bad value). */
function wrongFor(type: FieldType): fc.Arbitrary<unknown> {
  switch (type) {
    case 'id':
      return fc.oneof(notString, badId);
    case 'text':
      return fc.oneof(notString, fc.constantFrom('', '   ', '\n\t'));
    case 'note': // an empty note is allowed (it clears the note)
      return notString;
    case 'int':
      return fc.oneof(
        fc.string({ maxLength: 5 }),
        fc.boolean(),
        fc.constant(null),
        fc.constant(0),
        fc.integer({ min: 721, max: 1e9 }),
        fc.integer({ min: -1e9, max: -721 }),
        fc.double({ min: 0.01, max: 0.99 }),
        fc.array(fc.integer(), { maxLength: 2 }),
      );
    case 'bool':
      return fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.constant([]));
    case 'people':
      return fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.constant([{}]),
        fc.constant([{ name: '' }]),
        fc.constant([{ name: 7 }]),
        fc.constant(['Ada']),
        fc.constant(Array.from({ length: 101 }, () => ({ name: 'x' }))),
      );
    case 'ids':
      return fc.oneof(
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.constant([]),
        fc.array(badId, { minLength: 1, maxLength: 2 }),
      );
    case 'instant':
      return fc.oneof(notString, badInstant);
    case 'kind':
      return fc.oneof(
        notString,
        fc.string({ maxLength: 12 }).filter((s) => !KINDS.includes(s)),
        fc.constantFrom('CANCEL', 'Alert', 'revert', 'clock', '__proto__'),
      );
  }
}

const json = (v: unknown) => JSON.stringify(v);
const JSON_CT = { 'content-type': 'application/json' };

/** Bodies for POST /api/overrides that are valid JSON but not a valid override. */
export interface BadBody {
  what: string;
  body: unknown;
  statuses: number[];
  field?: string;
  mentions?: string;
}

export function badOverrideBodies(): fc.Arbitrary<BadBody> {
  const kind = fc.constantFrom(...KINDS);
  const extra = kind.chain((k) =>
    fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'revision', 'id'),
      )
      .filter(
        (key) =>
          !(key in TEMPLATES[k]!) &&
          !(k === 'cancel' && key === 'talk') &&
          !(k === 'edit' && key === 'session'),
      )
      .chain((key) =>
        fc.jsonValue().map((v) => {
          const body: Record<string, unknown> = { ...TEMPLATES[k]! };
          Object.defineProperty(body, key, {
            value: v ?? 1,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          return { what: `${k} + extra field`, body, statuses: [400], field: key };
        }),
      ),
  );
  const missing = kind.chain((k) =>
    fc.constantFrom(...REQUIRED[k]!).map((f) => {
      const body = { ...TEMPLATES[k]! };
      delete body[f];
      return { what: `${k} without ${f}`, body, statuses: [400], field: f };
    }),
  );
  const wrong = kind.chain((k) =>
    fc.constantFrom(...Object.keys(TEMPLATES[k]!)).chain((f) =>
      wrongFor(FIELD_TYPE[f]!).map((v) => ({
        what: `${k}.${f} wrong`,
        body: { ...TEMPLATES[k]!, [f]: v },
        statuses: [400],
        field: f,
      })),
    ),
  );
  const unknownIds = fc
    .tuple(
      fc.constantFrom(
        ['cancel', 'session'],
        ['delay', 'session'],
        ['move', 'session'],
        ['move', 'room'],
        ['edit', 'talk'],
        ['now-speaking', 'session'],
        ['now-speaking', 'talk'],
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/).map((s) => `zz-${s}`),
    )
    .map(([[k, f], id]) => ({
      what: `${k}.${f} unknown id`,
      body: { ...TEMPLATES[k!]!, [f!]: id },
      statuses: [404],
      mentions: id,
    }));
  const huge = fc
    .tuple(
      fc.constantFrom(
        ['edit', 'title', 2_000],
        ['edit', 'note', 500],
        ['cancel', 'note', 500],
        ['announce', 'text', 1_000],
        ['alert', 'text', 1_000],
      ),
      fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.constant(300_000), fc.constant(1_000_000)),
      fc.constantFrom('x', 'é', '😀', '<b>'),
    )
    .map(([[k, f, max], over, ch]) => {
      const n = Math.ceil(((max as number) + over) / ch.length);
      return {
        what: `${k}.${f} huge (${(max as number) + over} chars)`,
        body: { ...TEMPLATES[k as string]!, [f as string]: ch.repeat(n) },
        statuses: [400, 413],
        field: f as string,
      };
    });
  const untilBeforeFrom = fc.constant<BadBody>({
    what: 'announce until before from',
    body: { ...TEMPLATES.announce!, from: '2019-05-20T11:00:00-07:00', until: '2019-05-20T10:00:00-07:00' },
    statuses: [400],
    field: 'until',
  });
  const bothTargets = fc.constantFrom('cancel', 'edit').map((k) => ({
    what: `${k} with both session and talk`,
    body: { ...TEMPLATES[k]!, session: 't2-pm1', talk: 't2-pm1-1' },
    statuses: [400],
    field: 'session',
  }));
  const editNothing = fc.constant<BadBody>({
    what: 'edit changing nothing',
    body: { kind: 'edit', talk: 't2-pm1-1' },
    statuses: [400],
    field: 'title',
  });
  const notObject = fc
    .oneof(
      fc.integer(),
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
    )
    .map((v) => ({ what: 'not an object', body: v, statuses: [400] }));
  const moveClash = fc.constant<BadBody>({
    what: 'move into an occupied room without force',
    body: { kind: 'move', session: 't1-production', room: 'stevens-creek' },
    statuses: [409],
    mentions: 't2-deep-learning',
  });
  const as = (a: fc.Arbitrary<BadBody>) => a;
  return fc.oneof(
    { arbitrary: as(extra), weight: 3 },
    { arbitrary: as(missing), weight: 2 },
    { arbitrary: as(wrong), weight: 6 },
    { arbitrary: as(unknownIds), weight: 2 },
    { arbitrary: as(huge), weight: 2 },
    { arbitrary: as(notObject), weight: 1 },
    as(untilBeforeFrom),
    as(bothTargets),
    as(editNothing),
    as(moveClash),
  );
}

/** A valid override's JSON text, to be broken at the byte level. */
const validText = fc.constantFrom(...KINDS).map((k) => json(TEMPLATES[k]));

/** Bodies broken below the schema: bad JSON, bad UTF-8, deep nesting. */
export function badEncodings(): fc.Arbitrary<{ what: string; body: Buffer | string }> {
  const truncated = fc
    .tuple(validText, fc.nat())
    .map(([t, n]) => ({ what: 'truncated JSON', body: t.slice(0, 1 + (n % (t.length - 1))) }));
  const garbage = fc
    .oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom(
        '{',
        '}',
        '{"kind":}',
        "{'kind':'alert'}",
        '{"kind":"alert",}',
        'NaN',
        'undefined',
        '{"a":1}{"b":2}',
        '\u0000',
      ),
    )
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return s.trim() !== '';
      }
    })
    .map((s) => ({ what: 'not JSON', body: s }));
  const badBytes = fc.constantFrom(
    [0xff],
    [0xfe, 0xff],
    [0xc3],
    [0x80],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
  );
  const badUtf8 = fc
    .tuple(fc.constantFrom('alert', 'announce', 'edit'), badBytes, fc.boolean())
    .map(([k, bytes, inString]) => {
      const field = k === 'edit' ? 'title' : 'text';
      const marker = 'MARKER';
      const text = json({ ...TEMPLATES[k]!, [field]: `Fire ${marker} drill` });
      const [a, b] = text.split(marker) as [string, string];
      const body = inString
        ? Buffer.concat([Buffer.from(a), Buffer.from(bytes), Buffer.from(b)])
        : Buffer.concat([Buffer.from(bytes), Buffer.from(text.replace(marker, 'x'))]);
      return { what: `bad UTF-8 bytes ${inString ? 'inside a string' : 'before the JSON'}`, body };
    });
  const deep = fc.integer({ min: 1_000, max: 50_000 }).map((n) => ({
    what: `nested ${n} deep`,
    body: `{"kind":"alert","text":${'['.repeat(n)}${']'.repeat(n)}}`,
  }));
  return fc.oneof(truncated, garbage, { arbitrary: badUtf8, weight: 3 }, deep);
}

/** Content types that are not JSON, or none. */
export const badContentTypes = fc.constantFrom(
  undefined,
  'text/plain',
  'text/html; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/jsonx',
  'json',
  '*/*',
);

export { JSON_CT, KINDS, badId, badInstant, notString };
