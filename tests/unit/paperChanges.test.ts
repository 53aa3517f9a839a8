import { describe, expect, it } from 'vitest';
import { describePaperChanges, type SnapshotPaper } from '../../electron/pack/paperChanges';

const paper = (number: string, title: string, sha256: string, pages = 4): SnapshotPaper => ({
  number,
  title,
  pages,
  sha256,
});

describe("a reissued pack's list of paper changes", () => {
  it('says nothing when the same papers are there under the same titles', () => {
    const papers = [paper('3.1', 'Knife crime profile', 'a'), paper('4.1', 'Budget', 'b')];
    expect(describePaperChanges(papers, [...papers])).toEqual([]);
  });

  it('names a renamed paper with its old title', () => {
    expect(
      describePaperChanges(
        [paper('3.1', 'Knife crime profile', 'a')],
        [paper('3.1', 'Knife crime problem profile', 'a')],
      ),
    ).toEqual(['Paper 3.1 Knife crime problem profile: renamed from “Knife crime profile”']);
  });

  it('tells a replaced file from an added and a removed paper', () => {
    expect(
      describePaperChanges(
        [paper('3.1', 'Profile', 'a'), paper('4.1', 'Budget', 'b')],
        [paper('3.1', 'Profile', 'c', 6), paper('5.1', 'Minutes of the subgroup', 'd', 1)],
      ),
    ).toEqual([
      'Paper 3.1 Profile: replaced by a new file (6 pages)',
      'Paper 5.1 Minutes of the subgroup: added (1 page)',
      'Paper 4.1 Budget: removed',
    ]);
  });

  it('pairs the same file attached twice one to one, so one copy renamed is one rename', () => {
    expect(
      describePaperChanges(
        [paper('3.1', 'Profile', 'a'), paper('4.1', 'Profile', 'a')],
        [paper('3.1', 'Profile', 'a'), paper('4.1', 'Profile (annex)', 'a')],
      ),
    ).toEqual(['Paper 4.1 Profile (annex): renamed from “Profile”']);
  });

  it('treats a pack issued before papers existed as having had none', () => {
    expect(describePaperChanges(undefined, [paper('3.1', 'Profile', 'a', 1)])).toEqual([
      'Paper 3.1 Profile: added (1 page)',
    ]);
  });
});
