// The board's status rules: words beside colours, movement between months, No update, overdue.
import { describe, expect, it } from 'vitest';
import {
  boardActionShownStatus,
  movementOf,
  needsNarrative,
  parseStatus,
  STATUS_COLOURS,
  STATUS_LABELS,
  STATUS_ORDER,
} from '../../shared/status';

describe('status rules', () => {
  it('has a word for every status, No update included, so greyscale prints stay unambiguous', () => {
    expect([...STATUS_ORDER].sort()).toEqual([
      'amber',
      'complete',
      'green',
      'no_update',
      'not_started',
      'red',
    ]);
    for (const status of STATUS_ORDER) {
      expect(STATUS_LABELS[status]).toMatch(/^[A-Z][a-z]+( [a-z]+)?$/);
      expect(STATUS_COLOURS[status]).toMatch(/^#[0-9a-f]{6}$/);
    }
    // Six different words: a reader never has to tell two statuses apart by colour alone.
    expect(new Set(STATUS_ORDER.map((status) => STATUS_LABELS[status])).size).toBe(6);
    expect(STATUS_LABELS.no_update).toBe('No update');
  });

  it('puts Red first and No update last', () => {
    expect(STATUS_ORDER[0]).toBe('red');
    expect(STATUS_ORDER[STATUS_ORDER.length - 1]).toBe('no_update');
  });

  it('requires a narrative for Red and Amber only', () => {
    expect(needsNarrative('red')).toBe(true);
    expect(needsNarrative('amber')).toBe(true);
    expect(needsNarrative('green')).toBe(false);
    expect(needsNarrative('complete')).toBe(false);
    expect(needsNarrative('not_started')).toBe(false);
  });

  it('shows movement between last month and this month', () => {
    expect(movementOf('amber', 'green')).toBe('improved');
    expect(movementOf('green', 'red')).toBe('worsened');
    expect(movementOf('green', 'green')).toBe('unchanged');
    expect(movementOf('green', 'complete')).toBe('improved');
  });

  it('never reads a missing update as unchanged', () => {
    expect(movementOf('green', 'no_update')).toBe('no_update');
    expect(movementOf('no_update', 'green')).toBe('new');
  });

  it('shows an open action past its due date as overdue, and a completed one as complete', () => {
    expect(boardActionShownStatus('open', '2007-10-05', '2007-10-18')).toBe('overdue');
    expect(boardActionShownStatus('open', '2007-10-18', '2007-10-18')).toBe('open');
    expect(boardActionShownStatus('open', null, '2007-10-18')).toBe('open');
    expect(boardActionShownStatus('complete', '2007-10-05', '2007-10-18')).toBe('complete');
  });

  it('understands statuses as people type them', () => {
    expect(parseStatus('Red')).toBe('red');
    expect(parseStatus(' not started ')).toBe('not_started');
    expect(parseStatus('Not-Started')).toBe('not_started');
    expect(parseStatus('a')).toBe('amber');
    expect(parseStatus('1')).toBe('complete');
    expect(parseStatus('purple')).toBeNull();
    expect(parseStatus('no update')).toBeNull();
  });
});
