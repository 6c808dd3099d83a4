// The public core API: everything screens, the host and the CLI use, from one place.
export * from './program/schema.js';
export * from './program/parse.js';
export * from './overrides/schema.js';
export * from './time/clock.js';
export * from './time/venue.js';
export type * from './schedule/types.js';
export * from './schedule/talk-times.js';
export * from './schedule/now-next.js';
export * from './schedule/lobby.js';
export { findRoom, UnknownRoomError } from './schedule/sessions.js';
export * from './overrides/apply.js';
