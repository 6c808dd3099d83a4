// The floor server of the cold-start, lobby-paint and room-screen rows: node:http serving a few
// fixed answers and nothing else. argv[2] is a JSON file { "/path": { "type": "...", "body": "...",
// "gzip": true? } }: an answer marked gzip is sent gzip-encoded to a client that accepts it (as
// the host sends its bundles and payloads). Plain JS, started as `node static-floor.mjs FILE`, as
// `hallway serve` is started; it prints `listening <url>` once it listens.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const answers = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const a of Object.values(answers)) if (a.gzip) a.gzipped = gzipSync(a.body);
const server = createServer((req, res) => {
  const a = answers[req.url ?? ''];
  if (!a) return res.writeHead(404).end();
  const headers = { 'content-type': a.type, 'cache-control': 'no-store' };
  if (a.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? ''))
    return res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(a.gzipped);
  res.writeHead(200, headers).end(a.body);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') console.log(`listening http://127.0.0.1:${addr.port}/`);
});
process.on('SIGTERM', () => process.exit(0));
