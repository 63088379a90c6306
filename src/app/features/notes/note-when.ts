/**
 * A note's time in words (DESIGN.md 2): when she chose "this morning", the card says so rather than
 * a made-up exact time; on a later day it names the day ("Monday 30 November, in the morning").
 */
import type { ObservationData } from '../../../domain/records';
import { dateFormat, t } from '../../i18n/i18n';
import { noteTime } from '../../i18n/format';
import { DURING_KEYS } from './note-labels';

type Approx = ObservationData['observedAtApprox'];

function dayOf(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** "Wednesday 2 December" for a `YYYY-MM-DD`. */
export function dayName(ymd: string): string {
  return dateFormat({ weekday: 'long', day: 'numeric', month: 'long' }).format(dayOf(ymd));
}

const SAID = {
  morning: ['when.said.morning', 'when.said.morningOf'],
  'after-lunch': ['when.said.afterLunch', 'when.said.afterLunchOf'],
  'earlier-today': ['when.said.earlierToday', 'when.said.earlierOf'],
} as const;

/** "this morning" today, "Monday 30 November, in the morning" another day, else the exact time. */
export function noteWhen(observedAt: string, approx: Approx, today: string): string {
  const day = observedAt.slice(0, 10);
  if (!approx) return noteTime(observedAt);
  const isToday = day === today;
  const [today_, other] = SAID[approx];
  return isToday ? t(today_) : t(other, { day: dayName(day) });
}

/** The words with a capital first letter, for the start of a line or a chip. */
export function capitalized(words: string): string {
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** "During: meal" / "Durante: la comida" for a note's `during`. */
export function duringWords(during: NonNullable<ObservationData['during']>): string {
  const what = t(DURING_KEYS[during]);
  return t('note.during', { what: what.charAt(0).toLocaleLowerCase() + what.slice(1) });
}
