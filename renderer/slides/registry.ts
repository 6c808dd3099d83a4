/**
 * Every slide kind, registered once: a new kind is one file in room/, lobby/ or custom/ and one
 * line in room-kinds.ts, lobby-kinds.ts or custom-kinds.ts. A loop (core/settings/loop.ts) names
 * kinds by `kind`, custom slides by type. The screens import their own list, never this index
 * (it would put both screens' slides in each window's bundle); the admin and the tests do.
 */
export { ROOM_KINDS } from './room-kinds.js';
export { LOBBY_KINDS } from './lobby-kinds.js';
export { CUSTOM_KINDS } from './custom-kinds.js';
