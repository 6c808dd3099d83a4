import type { ServerResponse } from 'node:http';

/**
 * Where one event stream's frames go. Under @hono/node-server that is the node response itself:
 * a frame string is written straight to the socket, with no web stream, reader or promise per
 * write per client (what made 5,000 streams cost 3× the bare server). Anywhere else (app.request
 * in tests) it is a web ReadableStream.
 */
export interface Sink {
  /** Writes frames; false when the buffer is past its high-water mark (wait for `drain`). */
  write(text: string | Uint8Array): boolean;
  /** Ends the stream (host shutdown, a stalled client). */
  end(): void;
  /** Called when a full buffer has room again. */
  onDrain(f: () => void): void;
  /** Called once when the stream ends, from either side. */
  onClose(f: () => void): void;
}

/** Bytes a stream may buffer before it counts as full (Node's default for a socket). */
export const HIGH_WATER = 16 * 1024;

export function nodeSink(res: ServerResponse, headers: Record<string, string>): Sink {
  res.writeHead(200, headers);
  return {
    write: (text) => !res.writableEnded && !res.destroyed && res.write(text),
    end: () => void res.end(),
    onDrain: (f) => void res.on('drain', f),
    onClose: (f) => void res.once('close', f),
  };
}

export function webSink(): { sink: Sink; body: ReadableStream<Uint8Array> } {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let drained = () => {};
  const closers: (() => void)[] = [];
  const closed = () => {
    if (!open) return;
    open = false;
    closers.forEach((f) => f());
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      // The reader took something and the queue is below its mark again.
      pull: () => drained(),
      cancel: closed,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER }),
  );
  const sink: Sink = {
    write(text) {
      if (!open) return false;
      controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text);
      return (controller.desiredSize ?? 0) > 0;
    },
    end() {
      if (!open) return;
      controller.close();
      closed();
    },
    onDrain: (f) => void (drained = f),
    onClose: (f) => void closers.push(f),
  };
  return { sink, body };
}
