// The screens' own pure rules: what blocks a submit, which month the app opens on, and how an
// audit entry's change is put into words.
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../shared/contract';
import type { Update } from '../../shared/domain';
import { openingMonth } from '../../renderer/state/openingMonth';
import { rowView, submitProblem } from '../../renderer/screens/updates/rowView';
import { actionLabel, describeChange } from '../../renderer/screens/audit/describeChange';

const MONTH = '2008-03';

function gridRow(working: Partial<Update> | null): GridRow {
  return {
    objective: {
      ref: '2.E.3',
      theme: 'Enforcement',
      themeCode: 'E',
      text: 'Increase the sanction detection rate.',
      year: 'Year 1',
      targetText: null,
      targetValue: null,
    },
    working: working
      ? {
          id: 10,
          objectiveId: 1,
          ref: '2.E.3',
          month: MONTH,
          revision: 1,
          status: 'green',
          narrative: '',
          nextSteps: '',
          risks: '',
          metricActual: null,
          author: 'Lead',
          createdAt: '2008-03-20T09:00:00Z',
          state: 'draft',
          comment: '',
          demo: false,
          version: 1,
          ...working,
        }
      : null,
    reportedStatus: 'no_update',
    lastMonthStatus: 'green',
    lastMonth: null,
  };
}

describe('submitting an update from the grid', () => {
  it('refuses a Red draft without a narrative and says what to write', () => {
    const view = rowView(gridRow({ status: 'red' }), MONTH, {});
    expect(view.narrativeMissing).toBe(true);
    expect(submitProblem(view)).toContain('needs a narrative');
  });

  it('refuses an update with no status yet', () => {
    const view = rowView(gridRow(null), MONTH, {});
    expect(submitProblem(view)).toContain('no status yet');
  });

  it('lets a Red draft with a narrative through, and an unsaved edit counts as the draft', () => {
    const edits = {
      [`2.E.3@${MONTH}`]: {
        status: 'red' as const,
        narrative: 'Two posts vacant.',
        nextSteps: '',
        risks: '',
        metricActual: null,
      },
    };
    const view = rowView(gridRow({ status: 'green', state: 'accepted' }), MONTH, edits);
    expect(view.unsaved).toBe(true);
    expect(view.state).toBe('draft');
    expect(submitProblem(view)).toBeNull();
  });

  it('has nothing to submit once an update is submitted', () => {
    const view = rowView(gridRow({ state: 'submitted' }), MONTH, {});
    expect(submitProblem(view)).toContain('nothing new');
  });
});

describe('the month the app opens on', () => {
  const months = {
    months: ['2008-02', '2008-03', '2008-04'].map((month) => ({ month, reported: 0 })),
    current: '2008-04',
    nextMeetingMonth: null,
    latestReported: '2008-03',
  };

  it('is the month the next meeting reports on', () => {
    expect(openingMonth({ ...months, nextMeetingMonth: '2008-03' })).toBe('2008-03');
  });

  it('is the current month when no meeting is ahead', () => {
    expect(openingMonth({ ...months, nextMeetingMonth: null })).toBe('2008-04');
  });
});

describe('audit entries in words', () => {
  it('lists the fields that changed, old to new', () => {
    expect(describeChange({ status: 'open', owner: 'A' }, { status: 'complete', owner: 'A' })).toEqual([
      'status: open → complete',
    ]);
  });

  it('names what was created by its reference and wording', () => {
    expect(describeChange(null, { ref: '2.E.9', text: 'New objective', position: 9 })).toEqual([
      'ref: 2.E.9',
      'text: New objective',
    ]);
  });

  it('says an action in the secretariat’s words and keeps unknown ones as recorded', () => {
    expect(actionLabel('update.accept')).toBe('Update accepted');
    expect(actionLabel('something.new')).toBe('something.new');
  });
});
