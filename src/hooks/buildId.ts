/**
 * Differs between builds whose source differs (vite.config.ts hashes src/);
 * 'dev' where it is not defined (Vitest). What a build keeps in localStorage
 * for its next start is read back only by the same build.
 */
export const BUILD_ID = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';
