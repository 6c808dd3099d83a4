import { IANAZone } from 'luxon';
import { formatOffset } from './duration.js';

/**
 * The venue zone of an imported schedule: the `zone` option, else the file's own, else one
 * guessed from the offsets its times are written with. Offsets pin an instant, not a zone:
 * +01:00 in December fits Berlin, Paris and Lagos alike, so a guess is always reported.
 */

/** Zones conferences publishing these formats most often sit in, tried first, in this order. */
const PREFERRED = [
  'Europe/Berlin',
  'Europe/London',
  'UTC',
  'Europe/Helsinki',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
];

const zoneCache = new Map<string, IANAZone | null>();
export function ianaZone(name: string): IANAZone | null {
  let z = zoneCache.get(name);
  if (z === undefined) {
    z = IANAZone.isValidZone(name) ? IANAZone.create(name) : null;
    zoneCache.set(name, z);
  }
  return z;
}

/**
 * Offset (minutes) of a zone at an instant, memoised per instant: a big schedule has many
 * events sharing start and end times, and each lookup goes through Intl.
 */
export function offsetLookup(zone: IANAZone): (ms: number) => number {
  const memo = new Map<number, number>();
  return (ms) => {
    let o = memo.get(ms);
    if (o === undefined) {
      o = zone.offset(ms);
      memo.set(ms, o);
    }
    return o;
  };
}

export interface Sample {
  ms: number;
  offset: number;
}

/**
 * The samples worth checking a zone against: the first and last instant of each run of equal
 * offsets in time order. A zone that fits those fits the rest unless it changes its offset twice
 * inside one run, which no zone does within a conference.
 */
function checkpoints(samples: readonly Sample[]): Sample[] {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const out: Sample[] = [];
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    if (!prev || prev.offset !== s.offset || !next || next.offset !== s.offset) out.push(s);
  });
  return out;
}

function fits(zone: IANAZone, points: readonly Sample[]): number {
  let n = 0;
  for (const p of points) if (zone.offset(p.ms) === p.offset) n++;
  return n;
}

function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export interface ZoneChoice {
  zone: string;
  notes: string[];
  errors: string[];
}

/**
 * The zone's current IANA name for an old alias (`US/Eastern` → `America/New_York`,
 * `CET` → `Europe/Brussels`), as the runtime's zone data has it; the name itself otherwise.
 */
export function canonicalZone(name: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone || name;
  } catch {
    return name;
  }
}

/**
 * The venue zone: `forced` (the --zone option), else the file's `stated` one, else a guess from
 * the offsets written. Times written with another offset than the zone's are reported by build,
 * event by event.
 */
export function chooseZone(opts: {
  forced?: string;
  stated?: string;
  samples: readonly Sample[];
  /** Some times are written in UTC (Z): they pin instants but not the venue's offset. */
  utc?: boolean;
}): ZoneChoice {
  const notes: string[] = [];
  const errors: string[] = [];
  const offsets = [...new Set(opts.samples.map((s) => s.offset))].sort((a, b) => a - b).map(formatOffset);
  const points = checkpoints(opts.samples);
  /** An old alias is shown under its current name, which every browser's zone data has. */
  const named = (zone: string, what: string): string => {
    const canonical = canonicalZone(zone);
    if (canonical !== zone && ianaZone(canonical))
      notes.push(`${what} "${zone}" is an old name for ${canonical}: ${canonical} used`);
    return ianaZone(canonical) ? canonical : zone;
  };

  if (opts.forced !== undefined) {
    if (!ianaZone(opts.forced)) {
      errors.push(`zone: "${opts.forced}" is not an IANA time zone; use one like Europe/Berlin`);
      return { zone: 'UTC', notes, errors };
    }
    const zone = named(opts.forced, 'zone');
    if (opts.stated && opts.stated !== opts.forced && canonicalZone(opts.stated) !== zone)
      notes.push(`time zone ${zone} as asked (the file says ${opts.stated})`);
    return { zone, notes, errors };
  }
  if (opts.stated) {
    if (ianaZone(opts.stated)) return { zone: named(opts.stated, "the file's time zone"), notes, errors };
    notes.push(`the file's time zone "${opts.stated}" is not an IANA zone: ignored`);
  }
  if (points.length === 0 && opts.utc) {
    notes.push(
      "the file names no time zone and writes its times in UTC: assumed UTC for the venue; pass --zone with the venue's zone (like --zone Europe/Berlin) to show its local times",
    );
    return { zone: 'UTC', notes, errors };
  }
  if (points.length === 0) {
    notes.push(
      "the file names no time zone and writes its times without an offset: read as UTC; pass --zone with the venue's zone (like --zone Europe/Berlin) to read them right",
    );
    return { zone: 'UTC', notes, errors };
  }
  let best: { zone: string; n: number } | null = null;
  for (const name of [...PREFERRED, ...allZones()]) {
    const z = ianaZone(name);
    if (!z) continue;
    const n = fits(z, points);
    if (n === points.length) {
      const others = name === 'UTC' ? '' : '; other zones fit too';
      notes.push(
        `no time zone in the file: assumed ${name} (it fits every offset written: ${offsets.join(', ')})${others}; pass --zone to choose`,
      );
      return { zone: name, notes, errors };
    }
    if (!best || n > best.n) best = { zone: name, n };
  }
  const zone = best?.zone ?? 'UTC';
  notes.push(
    `no time zone in the file, and no zone fits all its offsets (${offsets.join(', ')}): assumed ${zone}, which fits most; times are kept as instants; pass --zone to choose`,
  );
  return { zone, notes, errors };
}
