/**
 * The floor: the least a server and a page can do to put pushed text on screen. node:http, one
 * HTML page whose EventSource writes each message into one div, one SSE route, and
 * POST /broadcast writing the request body to every open stream. Run as its own process (like
 * `hallway serve`), it prints `listening <url>` and serves until killed.
 */
import { createServer, type ServerResponse } from 'node:http';

const PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title>
<div id="out">waiting</div>
<script>
  const es = new EventSource('/events');
  es.onmessage = (e) => { document.getElementById('out').textContent = e.data; };
</script>`;

const streams = new Set<ServerResponse>();

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': open\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  } else if (req.method === 'GET' && req.url === '/clients') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(String(streams.size));
  } else if (req.method === 'POST' && req.url === '/broadcast') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const frame = `data: ${body.replace(/\n/g, ' ')}\n\n`;
      for (const s of streams) s.write(frame);
      res.writeHead(204).end();
    });
  } else {
    res.writeHead(404).end();
  }
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  if (addr && typeof addr === 'object') console.log(`listening http://127.0.0.1:${addr.port}/`);
});
process.on('SIGTERM', () => process.exit(0));
