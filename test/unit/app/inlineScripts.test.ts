import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../../src/server/inlineScripts';

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

describe('inline script hashes for the CSP', () => {
  it('hashes each inline script body exactly, and skips external and empty scripts', () => {
    const body = "(function(){var a='ก';})();";
    const html = `<head><meta charset="UTF-8" />
    <script>${body}</script>
    <script type="module" crossorigin src="/assets/index.js"></script>
    <script></script>
    <SCRIPT type="text/javascript">x()</SCRIPT></head>`;
    expect(inlineScriptHashes(html)).toEqual([sha(body), sha('x()')]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });
});
