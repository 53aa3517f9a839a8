// Reporting months are plain YYYY-MM arithmetic, independent of the machine's time zone.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateLabel,
  isReportingMonth,
  isWithin,
  monthFromIndex,
  monthIndex,
  monthLabel,
  monthsBetween,
  planYearOf,
  previousMonth,
} from '../../shared/months';

describe('reporting months', () => {
  it('accepts YYYY-MM and refuses anything else', () => {
    expect(isReportingMonth('2007-09')).toBe(true);
    expect(isReportingMonth('2007-13')).toBe(false);
    expect(isReportingMonth('2007-9')).toBe(false);
    expect(isReportingMonth('September 2007')).toBe(false);
  });

  it('steps across year ends in both directions', () => {
    expect(addMonths('2007-11', 3)).toBe('2008-02');
    expect(previousMonth('2008-01')).toBe('2007-12');
    expect(monthFromIndex(monthIndex('2009-03'))).toBe('2009-03');
  });

  it('lists the months between two months, inclusive', () => {
    expect(monthsBetween('2007-11', '2008-02')).toEqual(['2007-11', '2007-12', '2008-01', '2008-02']);
    expect(monthsBetween('2008-02', '2007-11')).toEqual([]);
  });

  it('knows whether a month falls in the plan period', () => {
    expect(isWithin('2007-04', '2007-04', '2009-03')).toBe(true);
    expect(isWithin('2009-03', '2007-04', '2009-03')).toBe(true);
    expect(isWithin('2007-03', '2007-04', '2009-03')).toBe(false);
    expect(isWithin('2009-04', '2007-04', '2009-03')).toBe(false);
  });

  it('counts plan years from the start month, so April 2008 begins Year 2 of an April 2007 plan', () => {
    expect(planYearOf('2007-04', '2007-04')).toBe(1);
    expect(planYearOf('2008-03', '2007-04')).toBe(1);
    expect(planYearOf('2008-04', '2007-04')).toBe(2);
  });

  it('writes months and dates the way the board does', () => {
    expect(monthLabel('2007-09')).toBe('September 2007');
    expect(dateLabel('2007-10-04')).toBe('4 October 2007');
    expect(dateLabel('2007-10-18T10:00')).toBe('18 October 2007');
  });
});
