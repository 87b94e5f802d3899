import { render } from 'preact';
import { App, openingPageLoaded } from './App';
import { db } from './db/db';
import { keepRememberedTexts } from './hooks/rememberedTextStore';
import './styles.css';

/**
 * How long the first render waits for the opening page's code. From the
 * service worker's cache it comes in a few ms; over a slow network the shell
 * shows first and the page follows.
 */
const PAGE_WAIT_MS = 300;

// Dates and chart labels made by Intl last time: the first frame need not wake ICU.
keepRememberedTexts();

// Open the database now, while the page's code loads: the page's first query
// then finds it open instead of opening it after the first frame.
void db.open().catch(() => undefined); // a failed open is reported by the query that needs it

// Render once the opening page's code is in, so the first frame is the page
// (its query starting at once) rather than an empty shell laid out first.
void Promise.race([openingPageLoaded, new Promise((r) => setTimeout(r, PAGE_WAIT_MS))]).then(() =>
  render(<App />, document.getElementById('app')!),
);
