import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A conference's schedule server for the follow tests: a frab schedule.xml that the test edits
 * between fetches, served with an ETag (304 when unchanged, as pretalx and frab do), and answers
 * a test can break on purpose: a 500, no answer, a truncated file, an HTML error page.
 */

export interface TestEvent {
  id: string;
  title: string;
  room: string;
  /** Venue time on 2019-12-27, "11:00" (+01:00). */
  start: string;
  duration: string;
  speakers?: string[];
}

export const ROOMS = ['Saal 1', 'Saal 2', 'Saal 3'];

/** A small schedule: two rooms' worth of talks through the day. */
export function baseEvents(): TestEvent[] {
  const out: TestEvent[] = [];
  for (let i = 0; i < 8; i++)
    out.push({
      id: String(1000 + i),
      title: `Talk number ${i + 1}`,
      room: ROOMS[i % 2]!,
      start: `${String(10 + Math.floor(i / 2)).padStart(2, '0')}:00`,
      duration: '00:45',
      speakers: [`Speaker ${i + 1}`],
    });
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');

export function frabXml(events: readonly TestEvent[]): string {
  const byRoom = ROOMS.map((room) => {
    const list = events
      .filter((e) => e.room === room)
      .map(
        (e) => `<event guid='00000000-0000-4000-8000-${e.id.padStart(12, '0')}' id='${e.id}'>
<date>2019-12-27T${e.start}:00+01:00</date>
<start>${e.start}</start>
<duration>${e.duration}</duration>
<room>${esc(room)}</room>
<title>${esc(e.title)}</title>
<type>lecture</type>
<language>en</language>
<persons>${(e.speakers ?? []).map((p, i) => `<person id='${e.id}${i}'>${esc(p)}</person>`).join('')}</persons>
</event>`,
      )
      .join('\n');
    return `<room name='${esc(room)}'>\n${list}\n</room>`;
  });
  return `<?xml version='1.0' encoding='utf-8' ?>
<schedule>
<version>test</version>
<conference>
<acronym>follow-test</acronym>
<title>Follow Test Congress</title>
<start>2019-12-27</start>
<end>2019-12-27</end>
<days>1</days>
<time_zone_name>Europe/Berlin</time_zone_name>
</conference>
<day date='2019-12-27' end='2019-12-28T04:00:00+01:00' index='1' start='2019-12-27T09:00:00+01:00'>
${byRoom.join('\n')}
</day>
</schedule>
`;
}

/** How the next answers go wrong (each one once), before the schedule is served again. */
export type Breakage = 'status-500' | 'timeout' | 'truncated' | 'html' | 'not-a-schedule';

export interface ScheduleServer {
  url: string;
  /** Every request's path and If-None-Match, in order. */
  requests: { at: number; ifNoneMatch: string | null; answered: number }[];
  /** Serve these events from the next request on. */
  set(events: readonly TestEvent[]): void;
  /** The next answer breaks this way (queued, one per request). */
  breakNext(...how: Breakage[]): void;
  close(): Promise<void>;
}

export async function scheduleServer(initial: readonly TestEvent[]): Promise<ScheduleServer> {
  let body = frabXml(initial);
  let version = 1;
  const queue: Breakage[] = [];
  const requests: ScheduleServer['requests'] = [];
  const hanging = new Set<ServerResponse>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const how = queue.shift();
    const log = (answered: number) => requests.push({ at: Date.now(), ifNoneMatch, answered });
    const etag = `"v${version}"`;
    switch (how) {
      case 'status-500':
        log(500);
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
        return;
      case 'timeout':
        log(0);
        hanging.add(res); // never answered: the follower's timeout must give up on it
        return;
      case 'truncated': {
        log(200);
        const bytes = Buffer.from(body);
        res.writeHead(200, {
          'content-type': 'application/xml',
          'content-length': bytes.length,
          etag: '"cut"',
        });
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        // Half the promised bytes, then the connection drops.
        setTimeout(() => res.destroy(), 20);
        return;
      }
      case 'html':
        log(200);
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'not-a-schedule':
        log(200);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":"maintenance"}');
        return;
      default:
        if (ifNoneMatch === etag) {
          log(304);
          res.writeHead(304, { etag }).end();
          return;
        }
        log(200);
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', etag }).end(body);
    }
  };

  const server: Server = createServer(answer);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/schedule.xml`,
    requests,
    set(events) {
      body = frabXml(events);
      version++;
    },
    breakNext(...how) {
      queue.push(...how);
    },
    close() {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}
