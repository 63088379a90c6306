/** English words shared by every form: storage failures, retry, leaving without saving (merged into i18n/en.ts). */
export const uiEn = {
  'common.retry': 'Try again',
  'error.readFailed':
    'Naptime could not read this from the device. Nothing was lost. Please try again.',
  'error.restoreFailed': 'It could not be brought back just now. It is still in Recently deleted.',
  'error.draftFull':
    'This device is full, so what you are writing is not being kept as a draft. Save it now, or free some space.',
  'error.draftError':
    'What you are writing could not be kept as a draft on this device. Save it when you can.',
  'error.settingFull':
    'This device is full, so the setting was not saved. Free some space and try again.',
  'error.settingError': 'The setting was not saved on this device. Please try again.',
  'discard.title': 'Throw away what you wrote?',
  'discard.keep': 'Keep writing',
  'discard.confirm': 'Throw away',
  'discard.done': 'Thrown away.',
};
