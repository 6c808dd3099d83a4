import { z } from 'zod';

/** A colour as staff and schedules write it: `#rrggbb` (a `#rgb` is widened, case folded). */
export const Colour = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a colour like #ffb627')
  .transform((s) => {
    const hex = s.slice(1).toLowerCase();
    return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
  });
export type Colour = z.infer<typeof Colour>;
