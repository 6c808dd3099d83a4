import { z } from 'zod';

// zod 4 probes `new Function('')` to pick a compiled fast path; our CSP forbids eval, so every
// page logged a CSP violation. Imported first by each page entry, before any schema parses.
z.config({ jitless: true });
