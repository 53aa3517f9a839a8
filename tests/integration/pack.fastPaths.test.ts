// The pack's speed-ups into pdfkit's internals (sharedFonts.ts, sharedWords.ts, behind
// enginePatches.ts) must change nothing but speed: the same pack built with them and on the
// libraries' public API alone (BOARD_PACK_PDFMAKE_ONLY=1) is the same bytes, for the built-in plan
// with demo data and for the fixture's hostile text in every script; and a pdfkit whose internals
// or version changed still builds the pack, to the same bytes, with the speed-up switched off.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { openStore } from '../../electron/store/store';
import { buildPackFixture, MONTH, report, tempDir, type PackFixture } from './pack.fixtures';

const BUILDER = join(import.meta.dirname, 'pack.fastPaths.builder.ts');

const SPEED_UPS = ['sharedFonts', 'sharedWords'];

interface Built {
  sha256: string;
  pages: number;
  patches: string[];
  off: Record<string, string>;
  /** What the child wrote to stderr: the speed-ups' log lines. */
  log: string;
}

type Change = 'version' | 'renamed' | 'throws';

function buildIn(
  child: 'fast' | 'pdfmake only',
  path: string,
  meetingId: number,
  draft = false,
  change?: Change,
): Built {
  const args = ['--import', 'tsx', BUILDER, path, String(meetingId), draft ? 'draft' : 'final'];
  const out = spawnSync(process.execPath, change ? [...args, change] : args, {
    encoding: 'utf8',
    env: { ...process.env, BOARD_PACK_PDFMAKE_ONLY: child === 'fast' ? '' : '1' },
  });
  if (out.status !== 0) throw new Error(`The pack build failed:\n${out.stderr}`);
  const built = JSON.parse(out.stdout.trim().split('\n').pop() ?? '') as Omit<Built, 'log'>;
  return { ...built, log: out.stderr };
}

/**
 * Text where a line may end beside punctuation that Unicode's line breaking treats specially:
 * brackets and quotes after spaces, closing punctuation, slashes, dashes, hyphens, no-break spaces,
 * numbers with spaces, mixed scripts. Each objective gets it shifted by a few characters, so the
 * lines end at different places.
 */
function punctuated(shift: number): string {
  const phrases = [
    '( see 3.R.1 ) and [ note ] — “quoted text” ! ? ; :',
    'e.g. 1 000 officers / 24 boroughs — 12.5% (up) vs 10 % last month',
    'non\u00a0breaking\u00a0spaces and soft\u00adhyphens, co-operation, re-offending',
    '‘single’ «guillemets» ,comma first .full stop first /slash/',
    'Gwybodaeth am y cynllun — zażółć gęślą jaźń — שלום עולם — مرحبا',
    'https://example.invalid/path?q=1&r=2 and C:\\Reports\\2007',
  ];
  return (
    'x'.repeat(shift) + ' ' + phrases.map((p, i) => phrases[(i + shift) % phrases.length] + ' ' + p).join(' ')
  );
}

let fixture: PackFixture;
let demoDir: string;

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
  for (const [i, ref] of fixture.refs.slice(20, 60).entries())
    await report(fixture.store, ref, MONTH, 'green', punctuated(i % 13), punctuated((i + 5) % 11));
  await fixture.store.close();
  demoDir = tempDir();
  const demo = await openStore(join(demoDir, 'demo.db'), { clock: () => new Date('2007-10-12T09:00:00Z') });
  await loadDemo(demo, { months: 6 });
  await demo.close();
});

afterAll(() => {
  rmSync(fixture.dir, { recursive: true, force: true });
  rmSync(demoDir, { recursive: true, force: true });
});

describe("the pack's speed-ups", () => {
  it("give the same bytes as pdfmake's own path for a pack with hostile text in every script and lines ending beside tricky punctuation", () => {
    const path = join(fixture.dir, 'board.db');
    const fast = buildIn('fast', path, fixture.current.id);
    const plain = buildIn('pdfmake only', path, fixture.current.id);
    expect(fast.patches).toEqual(SPEED_UPS);
    expect(plain.patches).toEqual([]);
    expect(fast.sha256).toBe(plain.sha256);
    expect(fast.pages).toBe(plain.pages);
  }, 180_000);

  it("give the same bytes as pdfmake's own path for the built-in plan's draft pack with demo data", async () => {
    const path = join(demoDir, 'demo.db');
    const store = await openStore(path, { seedPlan: null });
    const meetingId = (await store.meetings.list()).at(-1)?.id ?? 0;
    await store.close();
    const fast = buildIn('fast', path, meetingId, true);
    const plain = buildIn('pdfmake only', path, meetingId, true);
    expect(fast.patches).toEqual(SPEED_UPS);
    expect(plain.patches).toEqual([]);
    expect(fast.sha256).toBe(plain.sha256);
  }, 180_000);
});

describe('a pdfkit that is not the one the speed-ups were written for', () => {
  let publicPath: Built;
  beforeAll(() => {
    publicPath = buildIn('pdfmake only', join(fixture.dir, 'board.db'), fixture.current.id);
  }, 180_000);

  it('builds the pack on the public path, to the same bytes, when its version changed', () => {
    const built = buildIn('fast', join(fixture.dir, 'board.db'), fixture.current.id, false, 'version');
    expect(built.patches).toEqual([]);
    expect(built.off.sharedWords).toBe('written for pdfkit 0.19.1, found 0.19.2');
    expect(built.log).toContain(
      'pack fast path sharedFonts is off (written for pdfkit 0.19.1, found 0.19.2)',
    );
    expect(built.sha256).toBe(publicPath.sha256);
  }, 180_000);

  it('builds the pack, to the same bytes, when a private method it patches is gone', () => {
    const built = buildIn('fast', join(fixture.dir, 'board.db'), fixture.current.id, false, 'renamed');
    expect(built.patches).toEqual(['sharedFonts']);
    expect(built.off.sharedWords).toMatch(
      /^installing it failed: Error: pdfkit's embedded fonts have no layoutRun/,
    );
    expect(built.log.match(/pack fast path/g)).toHaveLength(1);
    expect(built.sha256).toBe(publicPath.sha256);
  }, 180_000);

  it('finishes the pack, to the same bytes, when a speed-up throws halfway through a build', () => {
    const built = buildIn('fast', join(fixture.dir, 'board.db'), fixture.current.id, false, 'throws');
    expect(built.patches).toEqual(['sharedFonts']);
    expect(built.off.sharedWords).toBe(
      'it failed while building a pack: TypeError: simulated: a changed internal',
    );
    expect(built.sha256).toBe(publicPath.sha256);
  }, 180_000);
});
