// The floor server of the cold-start and lobby-paint rows: node:http serving a few fixed
// answers and nothing else. argv[2] is a JSON file { "/path": { "type": "...", "body": "..." } }.
// Plain JS, started as `node static-floor.mjs FILE`, as `hallway serve` is started; it prints
// `listening <url>` once it listens.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const answers = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = createServer((req, res) => {
  const a = answers[req.url ?? ''];
  if (!a) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': a.type, 'cache-control': 'no-store' }).end(a.body);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') console.log(`listening http://127.0.0.1:${addr.port}/`);
});
process.on('SIGTERM', () => process.exit(0));
