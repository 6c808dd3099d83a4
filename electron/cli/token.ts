import { defaultDataDir } from '../host/paths.js';
import { ensureToken, openStore, rotateToken } from '../host/store.js';
import { type Command, parseOptions, UsageError } from './io.js';

const usage = `Usage: hallway token [--data DIR] [--rotate]

Prints the admin token of the host's store (made on first use), or with --rotate replaces it.
  --data DIR   the host's data dir (default: ${defaultDataDir()})
  --rotate     make a new token; the old one stops working at once, on a running host too`;

export const command: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      data: { type: 'string' },
      rotate: { type: 'boolean' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const store = openStore(values.data ?? defaultDataDir(), io.err);
    if (values.rotate) {
      io.out(rotateToken(store));
      io.err('new admin token saved; the old one no longer works (admin windows need the new one)');
    } else io.out(ensureToken(store));
    return 0;
  },
};
