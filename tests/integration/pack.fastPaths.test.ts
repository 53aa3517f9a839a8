// The pack's fast paths through pdfmake and pdfkit (fastInlines.ts, fastContent.ts) must change
// nothing but speed: the same pack built with them and with pdfmake's own path is the same bytes,
// for the built-in plan with demo data and for the fixture's hostile text in every script.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { openStore } from '../../electron/store/store';
import { buildPackFixture, MONTH, report, tempDir, type PackFixture } from './pack.fixtures';

const BUILDER = join(import.meta.dirname, 'pack.fastPaths.builder.ts');

interface Built {
  sha256: string;
  pages: number;
  fastPaths: boolean;
}

function buildIn(child: 'fast' | 'pdfmake only', path: string, meetingId: number, draft = false): Built {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', BUILDER, path, String(meetingId), draft ? 'draft' : 'final'],
    {
      encoding: 'utf8',
      env: { ...process.env, BOARD_PACK_PDFMAKE_ONLY: child === 'fast' ? '' : '1' },
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '') as Built;
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

beforeAll(() => {
  fixture = buildPackFixture(tempDir());
  fixture.refs
    .slice(20, 60)
    .forEach((ref, i) =>
      report(fixture.store, ref, MONTH, 'green', punctuated(i % 13), punctuated((i + 5) % 11)),
    );
  fixture.store.close();
  demoDir = tempDir();
  const demo = openStore(join(demoDir, 'demo.db'), { clock: () => new Date('2007-10-12T09:00:00Z') });
  loadDemo(demo, { months: 6 });
  demo.close();
});

afterAll(() => {
  rmSync(fixture.dir, { recursive: true, force: true });
  rmSync(demoDir, { recursive: true, force: true });
});

describe("the pack's fast paths", () => {
  it("give the same bytes as pdfmake's own path for a pack with hostile text in every script and lines ending beside tricky punctuation", () => {
    const path = join(fixture.dir, 'board.db');
    const fast = buildIn('fast', path, fixture.current.id);
    const plain = buildIn('pdfmake only', path, fixture.current.id);
    expect(fast.fastPaths).toBe(true);
    expect(plain.fastPaths).toBe(false);
    expect(fast.sha256).toBe(plain.sha256);
    expect(fast.pages).toBe(plain.pages);
  }, 60_000);

  it("give the same bytes as pdfmake's own path for the built-in plan's draft pack with demo data", () => {
    const path = join(demoDir, 'demo.db');
    const store = openStore(path, { seedPlan: null });
    const meetingId = store.meetings.list().at(-1)?.id ?? 0;
    store.close();
    const fast = buildIn('fast', path, meetingId, true);
    const plain = buildIn('pdfmake only', path, meetingId, true);
    expect(fast.fastPaths && !plain.fastPaths).toBe(true);
    expect(fast.sha256).toBe(plain.sha256);
  }, 60_000);
});
