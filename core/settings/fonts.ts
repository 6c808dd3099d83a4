/**
 * Fonts the renderer bundles (no network fonts): `system` is the look the screens always had.
 * Each other one is a woff2 loaded only when chosen. Zod-free, so the admin's font picker needs
 * no schema (core/settings/theme.ts has the `Font` schema built from it).
 */
export const FONTS = ['system', 'atkinson-hyperlegible', 'inter', 'source-sans'] as const;
