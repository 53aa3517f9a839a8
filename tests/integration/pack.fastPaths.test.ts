// The pack's fast paths through pdfmake and pdfkit (fastInlines.ts, fastContent.ts) must change
// nothing but speed: the same pack built with them and with pdfmake's own path is the same bytes,
// for the built-in plan with demo data and for the fixture's hostile text in every script.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/generate';
import { openStore } from '../../electron/store/store';
import { buildPackFixture, tempDir, type PackFixture } from './pack.fixtures';

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

let fixture: PackFixture;
let demoDir: string;

beforeAll(() => {
  fixture = buildPackFixture(tempDir());
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
  it("give the same bytes as pdfmake's own path for a pack with hostile text in every script", () => {
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
