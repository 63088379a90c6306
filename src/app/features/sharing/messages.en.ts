/** English words of "Share with my agency" (merged into i18n/en.ts). */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const sharingEn = {
  'sharing.link': `Share with my ${g.agency}`,
  'sharing.title': `Share with my ${g.agency}`,
  'sharing.intro': `If you want, your coach at your ${g.agency} can see how your weeks are going. You choose how much. You can change it at any time, and it starts with your next sync.`,
  'sharing.notConnected': `Here you can let your coach at your ${g.agency} see your weekly numbers. First connect this device to your ${g.agency}.`,
  'sharing.levelLegend': 'What your coach can see',
  'sharing.level.nothing': 'Nothing',
  'sharing.level.numbers': 'My weekly numbers',
  'sharing.level.numbers-and-pdsa': 'My numbers and my PDSA cycles',
  'sharing.hint.nothing': 'Your coach sees only your name.',
  'sharing.hint.numbers': `For each week: your check-in answers and how many ${g.notes} you wrote. Never what you wrote, never ${g.Children.toLowerCase()}’s names or birth months.`,
  'sharing.hint.numbers-and-pdsa':
    'Your weekly numbers, and for each PDSA cycle: its title, dates, where it is, Study and Act. Not the rest of your plan.',
  'sharing.pdsaWarning': `Study and Act are in your own words. If they name a ${g.child}, your coach will read that name. Look at them below before you choose.`,
  'sharing.example': 'Exactly what your coach will see, from your own data',
  'sharing.exampleNothing': 'Your name, and nothing else.',
  'sharing.exampleEmpty': `Nothing yet: no check-ins or ${g.notes} so far.`,
  'sharing.exampleMore.one': 'and {count} week before, the same way.',
  'sharing.exampleMore.other': 'and {count} weeks before, the same way.',
  'sharing.firstUse': 'Started using Naptime',
  'sharing.firstUseOn': 'Started using Naptime: {date}',
  'sharing.notesCount': `${g.Notes}: {notes}, with an idea to try next: {withIdea}`,
  'sharing.noCheckin': 'No check-in that week',
  'sharing.p1': 'Toddlers in your care',
  'sharing.p4': 'Talks with other providers',
  'sharing.p5': 'Of those, about toddlers in mixed-age groups',
  'sharing.cycles': 'PDSA cycles',
  'sharing.noCycles': 'No PDSA cycles yet.',
  'sharing.save': 'Save my choice',
  'sharing.saved': 'Saved. Your coach will see this after your next sync.',
  'sharing.current': 'Now: {level}',
};
