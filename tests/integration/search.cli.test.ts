// `search WORDS` from the command line: the same handler as the header's search field, grouped by
// kind in words, or as JSON; hostile words answer "nothing found", never an error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchResultSchema } from '../../shared/contractSearch';
import { cli, tempDir } from '../fixtures/databases';

async function run(db: string, ...args: string[]): Promise<string> {
  const result = await cli([...args, '--db', db]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('search', () => {
  it('finds an update narrative written from the command line, by words in another case, with the words marked', async () => {
    const db = join(tempDir(), 'board.db');
    await run(db, 'init');
    await run(
      db,
      'update',
      'set',
      '2.E.3',
      '--month',
      '2007-09',
      '--status',
      'amber',
      '--narrative',
      'Multi-agency tasking in Lambeth slipped.',
    );

    const text = await run(db, 'search', 'LAMBETH', 'tasking');
    expect(text).toContain('Update narratives and next steps (1)');
    expect(text).toContain('Strand 2 · September 2007 · submitted');
    expect(text).toContain('**Lambeth**');

    const result = searchResultSchema.parse(JSON.parse(await run(db, 'search', 'multi', 'agency', '--json')));
    expect(result.groups.find((g) => g.kind === 'update')?.hits.map((h) => [h.ref, h.month])).toEqual([
      ['2.E.3', '2007-09'],
    ]);
    expect(result.groups.find((g) => g.kind === 'objective')?.total).toBeGreaterThanOrEqual(3);

    expect(await run(db, 'search', '"', 'NEAR(', '*')).toContain('Nothing found for');
  });
});
