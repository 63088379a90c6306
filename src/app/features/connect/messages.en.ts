/** English words of connecting to the agency, the sync card on Home, and letting go of the device. */
import { glossaryIn } from '../../i18n/glossary';

const g = glossaryIn('en');

export const connectEn = {
  'connect.link': `Connect to my ${g.agency}`,
  'connect.title': `Connect to my ${g.agency}`,
  'connect.intro': `With the code your ${g.agency} gave you, your ${g.notes} are also kept safe on your ${g.agency}’s server, and your other devices get them too.`,
  'connect.code': 'Enrollment code',
  'connect.codeHint':
    '10 letters and numbers, like ABCD-EFGH23. Small letters and the dash do not matter.',
  'connect.server': 'Server address',
  'connect.serverHint': `Leave this as it is, unless your ${g.agency} gave you another address.`,
  'connect.submit': 'Connect',
  'connect.checking': 'Checking the code…',
  'connect.alreadyConnected':
    'This device is connected to {agency} as {provider}. A new code replaces that connection.',
  'connect.error.code.empty': `Type the code your ${g.agency} gave you.`,
  'connect.error.code.too-short':
    'This code is too short. A code has 10 letters and numbers, like ABCD-EFGH23.',
  'connect.error.code.too-long':
    'This code is too long. A code has 10 letters and numbers, like ABCD-EFGH23.',
  'connect.error.code.bad-character':
    'A code has only letters and numbers, like ABCD-EFGH23. Please check what you typed.',
  'connect.error.server.empty': `Write the server address your ${g.agency} gave you.`,
  'connect.error.server.invalid':
    'This is not a web address. It looks like https://naptime.myagency.org',
  'connect.error.server.https-required':
    'The address must start with https:// so your notes travel safely.',
  'connect.fail.invalid-code': `This code does not work. It may have a typo, or it was already used, has expired, or was locked after wrong tries. Check it, or ask your ${g.agency} for a new one.`,
  'connect.fail.too-many-tries': `Too many wrong codes were tried. Wait {minutes} minutes, then try again, or ask your ${g.agency} for a new code.`,
  'connect.fail.no-connection':
    'Naptime could not reach the server. Check that this device is on the internet and that the address is right, then try again.',
  'connect.fail.server-outdated': `Your ${g.agency}’s server needs an update before this device can connect. Please tell your ${g.agency}. Everything stays saved on this device.`,
  'connect.fail.app-outdated': `This version of Naptime is too old for your ${g.agency}’s server. Update Naptime, then try again.`,
  'connect.fail.not-naptime': `There is no Naptime server at this address. Check the address with your ${g.agency}.`,
  'connect.fail.server-error': `Your ${g.agency}’s server had a problem. Nothing changed. Please try again in a few minutes.`,
  'connect.fail.other-provider': `This device holds the ${g.notes} of {provider} ({agency}), so it cannot connect for someone else. To give it to another person: save a copy of the data, then erase this device in Settings.`,
  'connect.fail.storage':
    'This device could not save the connection. Nothing changed. Please try again.',
  'connect.confirm.title': 'Connect to {agency}?',
  'connect.confirm.who': 'This code is for {provider} at {agency}.',
  'connect.confirm.stores': `Your ${g.notes}, ${g.Children.toLowerCase()}, ${g.checkin}s and PDSA cycles will be copied to your ${g.agency}’s server and kept up to date.`,
  'connect.confirm.whoSees': `Naptime shows them only to your own devices, each connected with a code like this one. Nothing is shared with anyone else unless you choose it later.`,
  'connect.confirm.stays':
    'Everything also stays on this device and keeps working without internet.',
  'connect.confirm.waiting.one': '{count} thing you already wrote will be sent.',
  'connect.confirm.waiting.other': '{count} things you already wrote will be sent.',
  'connect.confirm.yes': 'Yes, connect',
  'connect.confirm.back': 'Back',
  'connect.connecting': 'Connecting…',
  'connect.done.title': 'Connected to {agency}',
  'connect.done.text': `Your ${g.notes} are being sent now. Home shows when everything is synced.`,
  'connect.done.home': 'Go to Home',
  'connection.title': `Your ${g.agency}`,
  'connection.none': `This device is not connected. Your ${g.notes} are saved only on this device.`,
  'connection.connected': 'Connected to {agency} as {provider}.',
  'connection.stopped': `This device is no longer connected to {agency}: its access was removed. Nothing more is sent. Everything stays on this device: save a copy, or ask your ${g.agency} for a new code.`,
  'connection.unauthenticated': `The server no longer knows this device. Nothing more is sent. Everything stays on this device: save a copy, or ask your ${g.agency} for a new code.`,
  'connection.reconnect': 'Connect again with a new code',
  'sync.savedHereOnly': 'Saved on this device only',
  'sync.onlyHere': `This device is not connected to your ${g.agency}, so nothing is sent.`,
  'sync.notYet': 'Connected. Nothing has been synced yet.',
  'sync.justNow': 'Synced just now',
  'sync.minutesAgo.one': 'Synced {count} minute ago',
  'sync.minutesAgo.other': 'Synced {count} minutes ago',
  'sync.hoursAgo.one': 'Synced {count} hour ago',
  'sync.hoursAgo.other': 'Synced {count} hours ago',
  'sync.daysAgo.one': 'Synced {count} day ago',
  'sync.daysAgo.other': 'Synced {count} days ago',
  'sync.syncing': 'Syncing…',
  'sync.retrying': `Your ${g.agency}’s server could not be reached just now. Naptime tries again by itself; everything still saves on this device.`,
  'sync.serverOutdated': `Your ${g.agency}’s server needs an update. Naptime tries again each day; everything still saves on this device.`,
  'sync.waiting.one': '{count} change waiting to be sent (oldest: {oldest})',
  'sync.waiting.other': '{count} changes waiting to be sent (oldest: {oldest})',
  'sync.waitingNoAge.one': '{count} change waiting to be sent',
  'sync.waitingNoAge.other': '{count} changes waiting to be sent',
  'sync.age.minutes.one': '{count} minute',
  'sync.age.minutes.other': '{count} minutes',
  'sync.age.hours.one': '{count} hour',
  'sync.age.hours.other': '{count} hours',
  'sync.age.days.one': '{count} day',
  'sync.age.days.other': '{count} days',
  'sync.warnOld': `Some changes have waited more than 2 days. When this device is on the internet, tap “Sync now” so they reach your ${g.agency}. They are safe on this device meanwhile.`,
  'sync.now': 'Sync now',
  'sync.stopped.revoked': `Syncing stopped: this device’s access to your ${g.agency} was removed. Nothing more is sent. Everything stays on this device.`,
  'sync.stopped.unauthenticated': `Syncing stopped: your ${g.agency}’s server no longer knows this device. Nothing more is sent. Everything stays on this device.`,
  'sync.stopped.upgrade':
    'Syncing is paused until Naptime is updated. Everything stays on this device.',
  'sync.stopped.badRequest': `Syncing is paused: your ${g.agency}’s server did not accept what this device sent. Update Naptime when you can. Everything stays on this device.`,
  'sync.saveCopy': 'Save a copy',
};
