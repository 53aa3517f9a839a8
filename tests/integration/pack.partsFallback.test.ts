// Should joining a pack's parts fail (simulated here: join.ts throws), the pack is laid out whole,
// byte for byte the pack a small plan always gets, and the log says why in one line.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPack } from '../../electron/pack/index';
import { partSizes } from '../../electron/pack/parts';
import { setEnginePatchLog } from '../../electron/pack/enginePatches';
import { buildPackFixture, tempDir, type PackFixture } from './pack.fixtures';

vi.mock('../../electron/pack/join', () => ({
  layOutParts: () => Promise.reject(new Error('a part went wrong')),
}));

let fixture: PackFixture;
const logged: string[] = [];

beforeAll(async () => {
  setEnginePatchLog((line) => logged.push(line));
  fixture = await buildPackFixture(tempDir());
});

afterAll(async () => {
  setEnginePatchLog((line) => console.warn(`[board-pack] ${line}`));
  await fixture.store.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

describe('a pack whose parts fail', () => {
  it('is built whole, with the same bytes as a pack built whole, and one line in the log', async () => {
    const request = { meetingId: fixture.current.id, draft: false };
    const whole = await buildPack(fixture.store, request);
    expect(logged).toEqual([]);
    const original = { ...partSizes };
    Object.assign(partSizes, { fromRows: 0, rowsPerPart: 12 });
    try {
      const fallback = await buildPack(fixture.store, request);
      expect(fallback.sha256).toBe(whole.sha256);
      expect(fallback.pages).toBe(whole.pages);
    } finally {
      Object.assign(partSizes, original);
    }
    expect(logged).toEqual(['the pack could not be built in parts (a part went wrong); it is built whole']);
  });
});
