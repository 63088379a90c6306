/** English words of the first run (merged into i18n/en.ts). */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const welcomeEn = {
  'welcome.title': 'Welcome to Naptime',
  'welcome.step': 'Step {n} of {total}',
  'welcome.languageText': 'Which language would you like? You can change it later in Settings.',
  'welcome.languageLabel': 'Language',
  'welcome.childrenTitle': 'Add the children you care for',
  'welcome.childrenText': `A first name or nickname is enough. ${g.toddlers.charAt(0).toUpperCase()}${g.toddlers.slice(1)} come first in every list.`,
  'welcome.childrenGo': 'Add a child',
  'welcome.noteTitle': 'Write your first note',
  'welcome.noteText':
    'What did a child do or say today? A sentence or two is enough; it saves on this device, even offline.',
  'welcome.noteGo': 'Write your first note',
  'welcome.homeTitle': 'Add Naptime to your Home Screen',
  'welcome.homeDone': 'I did it',
  'welcome.skip': 'Skip this step',
};
