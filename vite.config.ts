import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's web manifest: Thai names, installable, standalone. */
const manifest = {
  name: 'ติดตามมาตรการ ITA',
  short_name: 'มาตรการ ITA',
  description: 'บันทึกและติดตามการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
  lang: 'th',
  dir: 'ltr' as const,
  start_url: '/',
  scope: '/',
  id: '/',
  display: 'standalone' as const,
  orientation: 'portrait' as const,
  theme_color: '#1d4e89',
  background_color: '#ffffff',
  categories: ['productivity', 'government'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
/** Shown in settings; BUILD_ID lets a deployment (or the update test) tell builds apart. */
const appVersion = process.env.BUILD_ID ? `${pkg.version}+${process.env.BUILD_ID}` : pkg.version;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      includeAssets: ['favicon.svg', 'robots.txt', 'icons/apple-touch-icon.png'],
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,woff2,json,txt}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The follow-up screens (meetings, evidence, quarterly records,
        // dashboard) share much code: one chunk instead of ten small ones
        // makes them open faster offline. Nothing here is on the first screen.
        codeSplitting: {
          groups: [
            {
              name: 'follow-up',
              includeDependenciesRecursively: false,
              test: /src\/(pages\/(Meetings?|Evidence|Quarter|QuarterlyRecord|Summary|Dashboard|RecordHistory)Page|pages\/EvidencePanel|pages\/currentQuarter|components\/(AgendaRow|QuarterNav|DueList|WeakFindings|charts\/)|db\/followUp|hooks\/(followUp|useStoredFile)|domain\/(followUpValidation|meetingAgenda|quarterlyReport|dueStatus|responsibleUnits)|media\/)/,
            },
          ],
        },
      },
    },
  },
});
