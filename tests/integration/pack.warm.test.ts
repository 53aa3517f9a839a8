// The desktop app warms the pack after its window shows (electron/pack/warm.ts): the warm-up lays
// out the latest meeting's pack and keeps nothing but warm caches, so the first real build gives
// the same bytes as a build in a process that was never warmed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack, listIssuedPacks } from '../../electron/pack/index';
import { warmPack } from '../../electron/pack/warm';
import type { Store } from '../../electron/store/store';
import { buildPackFixture, packStore, tempDir, type PackFixture } from './pack.fixtures';

const BUILDER = join(import.meta.dirname, 'pack.fastPaths.builder.ts');
let fixture: PackFixture;

beforeAll(async () => {
  fixture = await buildPackFixture(tempDir());
});

afterAll(async () => {
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('warming the pack', () => {
  it('lays out the latest meeting, capped at a number of objectives, and leaves the next build its own bytes', async () => {
    const path = join(fixture.dir, 'board.db');
    const unwarmed = spawnSync(
      process.execPath,
      ['--import', 'tsx', BUILDER, path, String(fixture.current.id), 'final'],
      { encoding: 'utf8' },
    );
    const expected = JSON.parse(unwarmed.stdout.trim().split('\n').pop() ?? '{}') as { sha256: string };
    const warmed = await warmPack(fixture.store, { objectives: 12, passes: 1 });
    expect(warmed.objectives).toBe(12);
    expect(warmed.pages).toBeGreaterThan(3);
    const built = await buildPack(fixture.store, { meetingId: fixture.current.id, draft: false });
    expect(built.sha256).toBe(expected.sha256);
  }, 180_000);

  it('warms only the engine for a database without meetings', async () => {
    const dir = tempDir();
    const store: Store = await packStore(dir);
    try {
      expect((await warmPack(store)).objectives).toBe(0);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nothing: no pack is issued by it', async () => {
    await warmPack(fixture.store);
    expect(await listIssuedPacks(fixture.store)).toEqual([]);
  }, 120_000);
});
