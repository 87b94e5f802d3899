/**
 * CSP sources for the inline scripts of the app's index.html: the page may
 * run exactly those (the build's route preload, src/routes.ts) and no other
 * inline script, so `script-src` stays without 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` for each `<script>` of `html` that has a body and no `src`. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes) || body === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The hashes for the build's index.html, or none when there is no build (API-only use). */
export function indexScriptHashes(indexPath: string): string[] {
  try {
    return inlineScriptHashes(readFileSync(indexPath, 'utf8'));
  } catch {
    return [];
  }
}
