// The app's Content-Security-Policy against the real screens, in Chromium through the bridge
// (which sends the same header as the app:// protocol): every screen loads without one violation,
// and a draft pack shows in a blob: frame as the pack screen shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from '../e2e/harness';

let app: AppUnderTest;

const SCREENS = [
  '#/',
  '#/plan',
  '#/updates/2',
  '#/meetings',
  '#/pack',
  '#/exchange',
  '#/files',
  '#/settings',
  '#/audit',
];

async function violations(): Promise<string[]> {
  return app.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

beforeAll(async () => {
  app = await openApp({ demoMonths: 6, now: '2007-10-01T09:00:00Z' });
  await app.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await app.page.reload();
  await app.page.waitForSelector('nav[aria-label="Main"]');
});

afterAll(() => app?.close());

describe('the Content-Security-Policy', () => {
  it('lets every screen load without a violation', async () => {
    for (const screen of SCREENS) {
      await app.goto(screen);
      await app.page.waitForSelector('main h1');
      await app.page.waitForLoadState('networkidle');
      expect(await violations(), screen).toEqual([]);
    }
  });

  it('lets a draft pack show in a blob: frame, and blocks a script from elsewhere', async () => {
    const framed = await app.page.evaluate(async () => {
      const meetings = await window.boardPack!.call('meetings.list');
      if (!meetings.ok || meetings.value.length === 0) return 'no meeting';
      const draft = await window.boardPack!.call('packs.buildDraft', {
        meetingId: meetings.value[0].id,
        sections: ['cover'],
      });
      if (!draft.ok) return draft.error.message;
      const bytes = Uint8Array.from(atob(draft.value.pdfBase64), (c) => c.charCodeAt(0));
      const frame = document.createElement('iframe');
      // The frame's load says it was shown; a refused frame reports a violation first (Chromium
      // then loads its error page into the frame, so load alone would not tell them apart).
      const outcome = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          resolve(`refused by ${e.violatedDirective}`),
        );
        frame.addEventListener('load', () => resolve('shown'));
        setTimeout(() => resolve('not loaded after 20 s'), 20_000);
      });
      // The tests' Chromium is a headless shell without a PDF viewer, so a PDF frame never loads
      // there; the policy judges the blob: URL, not its type, so the draft's bytes go as text.
      frame.src = URL.createObjectURL(new Blob([bytes], { type: 'text/plain' }));
      document.body.append(frame);
      return outcome;
    });
    expect(framed).toBe('shown');
    expect(await violations()).toEqual([]);
    await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.src = 'https://cdn.example.org/tracker.js';
      document.head.append(script);
    });
    await app.page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
    );
    expect(await violations()).toEqual(['script-src-elem https://cdn.example.org/tracker.js']);
  });
});
