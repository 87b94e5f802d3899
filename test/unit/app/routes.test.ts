import { exec } from 'preact-iso/router';
import { describe, expect, it } from 'vitest';
import { firstMatch, ROUTES, routePreloadScript } from '../../../src/routes';

const PATTERNS = ROUTES.map(([path]) => path);

/** What preact-iso's router opens for `path`: the first route it matches. */
const routerChoice = (path: string) => PATTERNS.findIndex((pattern) => exec(path, pattern));

/** Addresses for every route (params filled in) and some that match none. */
const PATHS = [
  ...PATTERNS.map((p) => p.replace(/:[a-zA-Z]+/g, (_, i: number) => `v${i}-0190a1b2`)),
  '/plans/new',
  '/plans/0190a1b2/quarters/3',
  '/plans/0190a1b2/',
  '//plans/0190a1b2/dashboard',
  '/nothing/here',
  '/plans',
  '/meetings',
  '/plans/a/b/c/d/e/f',
];

describe('route table', () => {
  it('matches each address to the page the router opens', () => {
    for (const path of PATHS) expect(firstMatch(path, PATTERNS), path).toBe(routerChoice(path));
    expect(firstMatch('/plans/new', PATTERNS)).toBe(PATTERNS.indexOf('/plans/new'));
    expect(firstMatch('/nothing/here', PATTERNS)).toBe(-1);
  });

  it("index.html's preload script adds the opening page's files, once each, and nothing for an unknown address", () => {
    const files = PATTERNS.map((p) =>
      p.endsWith('/dashboard') ? ['/assets/a.js', '/assets/b.js'] : ['/assets/b.js'],
    );
    const script = routePreloadScript(PATTERNS, files);
    const run = (pathname: string) => {
      const added: { rel: string; href: string; crossOrigin: string | null }[] = [];
      const document = {
        createElement: () => ({ rel: '', href: '', crossOrigin: null }),
        head: { appendChild: (link: (typeof added)[number]) => added.push(link) },
      };
      new Function('location', 'document', script)({ pathname }, document);
      return added;
    };
    expect(run('/plans/0190a1b2/dashboard')).toEqual([
      { rel: 'modulepreload', href: '/assets/a.js', crossOrigin: '' },
      { rel: 'modulepreload', href: '/assets/b.js', crossOrigin: '' },
    ]);
    expect(run('/meetings/0190a1b2').map((l) => l.href)).toEqual(['/assets/b.js']);
    expect(run('/nothing/here')).toEqual([]);
    // Each file is named once in the page, however many routes share it.
    expect(script.split('/assets/b.js').length - 1).toBe(1);
  });
});
