/** English words of "Needs your attention" on the first screen (Home's link, each record's state); the rest, in messages.en.ts, load later. */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const attentionHomeEn = {
  'attention.link.one': '{count} thing needs your attention',
  'attention.link.other': '{count} things need your attention',
  'sync.state.pending': g.savedHere,
  'sync.state.synced': 'Synced',
  'sync.state.rejected': 'Not accepted',
  'sync.state.attention': 'Needs your attention',
};
