// Plain tsc sees a .svelte file through Svelte's own `*.svelte` declaration, which has no named
// exports; svelte-check reads each file's real ones (and checks them exactly). This names the
// slide kind files' `<script module>` exports for tsc.
declare module '*.svelte' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind's own context: svelte-check types it
  export const slide: import('./kind.js').SlideKindDef<any>;
  export const custom: import('./kind.js').CustomKindDef;
}
