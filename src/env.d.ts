/** Version of this build, set by vite.config.ts. */
declare const __APP_VERSION__: string;
/** Differs between builds whose source differs (vite.config.ts); not defined under Vitest. */
declare const __BUILD_ID__: string | undefined;
