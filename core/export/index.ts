export { exportC3vocJson, toC3vocSchedule, CANCELLED_PREFIX, type ExportOptions } from './c3voc-json.js';
export { exportIcal, type IcalOptions } from './ical.js';
