/** English words of the printable summaries (merged into i18n/en-later.ts, loaded after the first paint). */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const printEn = {
  'print.childTitle': `${g.Notes} about {name}`,
  'print.monthTitle': `My ${g.checkin}s and PDSA cycles: {month}`,
  'print.range': 'From {from} to {to}',
  'print.from': 'From',
  'print.to': 'To',
  'print.month': 'Month',
  'print.print': 'Print or save as PDF',
  'print.explain': 'Choose the days, then print. Your browser can also save the page as a PDF.',
  'print.explainMonth':
    'Choose the month, then print. Your browser can also save the page as a PDF.',
  'print.noNotes': `No ${g.notes} about this ${g.child} in these days.`,
  'print.checkins': g.Checkin,
  'print.noCheckins': `No ${g.checkin} filled in this month.`,
  'print.cycles': 'PDSA cycles',
  'print.noCycles': 'No PDSA cycle this month.',
  'print.question': 'Question',
  'print.answer': 'Answer',
  'print.notAnswered': 'not answered',
  'print.cycleLine': 'Cycle {n} · {status} · started {date}',
  'print.monthLink': 'Print a summary of a month',
  'print.madeOn': 'Printed from Naptime on {date}.',
  'print.back': 'Back',
};
