import { resolve } from 'node:path';

/** The 35C3 schedule the themed screenshots are taken of, at a busy late morning, at three sizes. */
export const C3_XML = resolve(
  import.meta.dirname,
  '../../../../shared/fixtures/schedules/35c3-everything.schedule.xml',
);
export const C3_MORNING = '2018-12-28T11:45:00+01:00';
export const THEMED_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 3840, height: 2160 },
];
