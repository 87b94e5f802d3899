// Lint: TypeScript rules plus the architecture's import direction
// (conventions.md): pages → hooks → sync → db → domain; components → domain
// (types only); server → domain. A layer may never import one above it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

const up = (...names) => names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../${n}/*`, `../../../${n}/*`]);

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', '.reports', '.bench', 'dev-dist', '.shots', '.scratch'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/domain/**'],
    [
      ...up('db', 'sync', 'hooks', 'components', 'pages', 'server', 'cli', 'sw', 'media'),
      'dexie',
      'preact',
      'preact/*',
    ],
    'domain is pure: no storage, UI, network or runtime imports',
  ),
  layer(
    ['src/db/**'],
    up('sync', 'hooks', 'components', 'pages', 'server', 'cli', 'sw', 'media'),
    'db may import only domain',
  ),
  layer(
    ['src/report/**'],
    up('db', 'sync', 'hooks', 'components', 'pages', 'server', 'cli', 'sw', 'media'),
    'report renderers lay out domain models: domain (and the docx library) only',
  ),
  layer(
    ['src/sync/**'],
    up('hooks', 'components', 'pages', 'server', 'cli', 'sw', 'media'),
    'sync may import db and domain',
  ),
  layer(
    ['src/hooks/**'],
    up('components', 'pages', 'server', 'cli', 'sw'),
    'hooks may import sync, db and domain',
  ),
  layer(
    ['src/media/**'],
    up('sync', 'hooks', 'components', 'pages', 'server', 'cli', 'sw'),
    'media (browser file handling) may import db types and domain',
  ),
  layer(
    ['src/components/**'],
    [...up('db', 'sync', 'hooks', 'pages', 'server', 'cli', 'sw', 'media'), 'dexie'],
    'components are presentational: props in, callbacks out',
  ),
  layer(
    ['src/server/**'],
    up('db', 'sync', 'hooks', 'components', 'pages', 'sw'),
    'server imports domain only',
  ),
  layer(
    ['src/sw/**'],
    up('db', 'sync', 'hooks', 'components', 'pages', 'server', 'cli'),
    'no business logic in the service worker',
  ),
);
