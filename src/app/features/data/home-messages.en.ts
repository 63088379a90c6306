/** English words of the data screens on the first screen (Home's reminder, the welcome card); the rest, in messages.en.ts, load later. */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const dataHomeEn = {
  'data.storage.homeScreen': `On iPhone and iPad, add Naptime to your Home Screen: tap Share, then “Add to Home Screen”. Otherwise Safari may delete your ${g.notes} after 7 days without use.`,
  'data.reminder.title': 'Time to save a copy',
  'data.reminder.text': `It has been more than a week since you saved a copy of your ${g.notes}. They are only on this device.`,
  'data.reminder.never': `Your ${g.notes} are only on this device. Save a copy, so nothing is lost if it breaks.`,
  'data.reminder.go': 'Save a copy now',
};
