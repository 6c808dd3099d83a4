// A worker process holding COUNT plain HTTP event-stream clients of URL (argv[2], argv[3]): the
// "N screens" of the fan-out rows, without a browser each. Plain JS, so a worker starts in
// milliseconds. Over IPC it says `{opened}` once every stream has sent something; on `{arm: text}`
// it says `{armed}`, then `{stamps}` (the wall clock at which each stream first carried the
// text; null for one that did not) when all have, or on `{collect}`.
import { request } from 'node:http';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
let armed = null;
let stamps = [];
let hits = 0;
let opened = 0;

function finish() {
  process.send?.({ stamps });
  armed = null;
}

for (let i = 0; i < count; i++) {
  const req = request(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    let first = true;
    res.on('data', (chunk) => {
      if (first) {
        first = false;
        if (++opened === count) process.send?.({ opened });
      }
      if (armed !== null && stamps[i] === null && chunk.includes(armed)) {
        stamps[i] = Date.now();
        if (++hits === count) finish();
      }
    });
  });
  req.on('error', (e) => process.send?.({ error: `stream ${i}: ${e.message}` }));
  req.end();
}

process.on('message', (m) => {
  if (m && typeof m === 'object' && 'arm' in m) {
    armed = m.arm;
    stamps = new Array(count).fill(null);
    hits = 0;
    process.send?.({ armed: true });
  } else if (m && typeof m === 'object' && 'collect' in m) {
    if (armed !== null) finish();
  }
});
