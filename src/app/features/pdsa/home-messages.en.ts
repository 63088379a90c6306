/** English words of PDSA on the first screen (Home's card, the labels of a cycle); the rest, in messages.en.ts, load later. */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const pdsaHomeEn = {
  'nav.pdsa': 'PDSA',
  'pdsa.status.planned': 'Planned',
  'pdsa.status.doing': 'Doing',
  'pdsa.status.studying': 'Studying',
  'pdsa.status.done': 'Done',
  'pdsa.purpose.collect': 'Collect information',
  'pdsa.purpose.develop': 'Develop a change',
  'pdsa.purpose.test': 'Test a change',
  'pdsa.purpose.implement': 'Put a change in place',
  'pdsa.driver.observe': `Observing and writing down what ${g.toddlers} do`,
  'pdsa.driver.plan': 'Planning from what I observe',
  'pdsa.driver.peer': 'Talking with other providers',
  'pdsa.driver.other': 'Something else',
  'pdsa.measure.label': 'Which chart will show the result?',
  'pdsa.measure.none': 'Not chosen yet',
  'pdsa.measure.notes': `${g.Notes} written each week`,
  'pdsa.measure.notes-with-idea': `${g.Notes} with an idea to try next`,
  'pdsa.measure.p2': `Days I wrote down something a ${g.toddler} did or said`,
  'pdsa.measure.p3': `Activities I planned for ${g.toddlers} from what I observed`,
  'pdsa.measure.p5-of-p4': `Talks with other providers about ${g.toddlers} in mixed-age groups (percent)`,
  'pdsa.measure.p6': `How easy it was to find time to write ${g.notes}`,
  'pdsa.act.adopt': 'Adopt: keep doing it',
  'pdsa.act.adapt': 'Adapt: change it and try again',
  'pdsa.act.abandon': 'Abandon: stop, try something else',
  'pdsaHome.title': 'PDSA cycle in progress',
  'pdsaHome.continue': 'Continue: {idea}, cycle {n}',
  'pdsaHome.none': 'No cycle in progress.',
  'pdsaHome.start': 'Start a PDSA cycle',
};
