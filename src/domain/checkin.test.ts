import { describe, expect, it } from 'vitest';
import {
  answersOf,
  checkinData,
  checkinIssues,
  daysWithNotes,
  isAsked,
  type CheckinAnswers,
} from './checkin';

const full: CheckinAnswers = { p1: 3, p2: 4, p3: 2, p4: 5, p5: 3, p6: 4 };
const note = (observedAt: string, deleted = 0) => ({ deleted, data: { observedAt } });

describe('check-in skip logic', () => {
  it('does not ask P2 and P3 when she cared for no toddlers, nor P5 when she talked to no one', () => {
    expect(isAsked('p2', { ...full, p1: 0 })).toBe(false);
    expect(isAsked('p3', { ...full, p1: 0 })).toBe(false);
    expect(isAsked('p5', { ...full, p4: 0 })).toBe(false);
    expect(isAsked('p2', { ...full, p1: null })).toBe(true);
    expect(isAsked('p5', full)).toBe(true);
  });

  it('saves questions not asked as null, keeping the rest', () => {
    expect(checkinData('2026-W05', { ...full, p1: 0, p4: 0 })).toEqual({
      week: '2026-W05',
      p1: 0,
      p2: null,
      p3: null,
      p4: 0,
      p5: null,
      p6: 4,
    });
    expect(checkinData('2026-W05', full)).toEqual({ week: '2026-W05', ...full });
  });
});

describe('checkinIssues', () => {
  it('accepts a complete, consistent week', () => {
    expect(checkinIssues('2026-W05', full)).toEqual([]);
  });

  it('requires P1, P4 and P6 and nothing else', () => {
    const issues = checkinIssues('2026-W05', {
      p1: null,
      p2: null,
      p3: null,
      p4: null,
      p5: null,
      p6: null,
    });
    expect(issues.map((i) => `${i.path}:${i.message}`)).toEqual([
      'p1:required',
      'p4:required',
      'p6:required',
    ]);
  });

  it('says P5 may not be above P4, on P5', () => {
    expect(checkinIssues('2026-W05', { ...full, p4: 2, p5: 3 })).toEqual([
      { path: 'p5', message: 'p5-above-p4' },
    ]);
  });

  it('ignores a hidden P5 above P4 when P4 is 0 (it is not asked, so not saved)', () => {
    expect(checkinIssues('2026-W05', { ...full, p4: 0, p5: 9 })).toEqual([]);
  });

  it('reports answers out of range with the schema keys', () => {
    expect(
      checkinIssues('2026-W05', { ...full, p1: 13, p6: 0 }).map((i) => `${i.path}:${i.message}`),
    ).toEqual(['p1:too-big', 'p6:too-small']);
  });
});

describe('daysWithNotes (the P2 pre-fill)', () => {
  it('counts distinct days of the week that have a note, not notes', () => {
    const notes = [
      note('2026-01-26T09:00:00-06:00'),
      note('2026-01-26T13:00:00-06:00'),
      note('2026-01-28T10:00:00-06:00'),
    ];
    expect(daysWithNotes(notes, '2026-W05')).toBe(2);
  });

  it('leaves out deleted notes and notes of other weeks', () => {
    const notes = [
      note('2026-01-27T09:00:00-06:00', 1),
      note('2026-01-25T23:59:00-06:00'),
      note('2026-02-02T00:00:00-06:00'),
    ];
    expect(daysWithNotes(notes, '2026-W05')).toBe(0);
  });

  it('reads each note’s day in its own offset, across a week boundary', () => {
    // Sunday 23:30 in Chicago is Monday in UTC; it belongs to the week it was written in.
    expect(daysWithNotes([note('2026-02-01T23:30:00-06:00')], '2026-W05')).toBe(1);
    expect(daysWithNotes([note('2026-02-01T23:30:00-06:00')], '2026-W06')).toBe(0);
    // Monday 00:30 at +14:00 is still Sunday in UTC.
    expect(daysWithNotes([note('2026-02-02T00:30:00+14:00')], '2026-W06')).toBe(1);
  });

  it('counts the days of a week that spans New Year in its own ISO year', () => {
    expect(
      daysWithNotes(
        [note('2026-12-31T10:00:00-06:00'), note('2027-01-01T10:00:00-06:00')],
        '2026-W53',
      ),
    ).toBe(2);
  });
});

describe('answersOf', () => {
  it('reads a saved check-in, or gives empty answers', () => {
    expect(answersOf({ week: '2026-W05', p1: 2, p6: 5 })).toEqual({
      p1: 2,
      p2: null,
      p3: null,
      p4: null,
      p5: null,
      p6: 5,
    });
    expect(answersOf(null).p1).toBeNull();
  });
});
