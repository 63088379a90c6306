/** English words of Settings (merged into i18n/en.ts). */
export const settingsEn = {
  'settings.advanced': 'Advanced',
  'settings.advancedHint':
    'How your charts decide that something has really changed. You can leave this as it is.',
};
