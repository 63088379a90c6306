/**
 * A worker that makes one date and one number formatter for each locale it is sent, then says so.
 * Why: the first `Intl.DateTimeFormat` a page makes loads ICU's locale, calendar and time-zone data,
 * which held an old tablet's main thread for 200–300 ms (measured at 4× CPU throttle in Chromium; its
 * first Progress sentence waited on it). ICU keeps that data for the whole renderer process, so made
 * here first, on another thread, the page's own first formatter costs a few milliseconds.
 */
self.onmessage = (event: MessageEvent<unknown>) => {
  const locales = Array.isArray(event.data)
    ? event.data.filter((l): l is string => typeof l === 'string')
    : [];
  for (const locale of locales) {
    try {
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(0);
      new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5);
    } catch {
      // A locale this browser cannot format: the page makes its own formatter as before.
    }
  }
  self.postMessage('done');
};
