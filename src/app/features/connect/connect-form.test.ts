import { describe, expect, it } from 'vitest';
import enFirst from '../../i18n/en';
import enLater from '../../i18n/en-later';
import { deviceName, failureMessage, readConnectForm, readServerAddress } from './connect-form';

const en = { ...enFirst, ...enLater };

describe('readServerAddress', () => {
  it('keeps an https address as its origin, with a path when the server lives under one', () => {
    expect(readServerAddress('https://naptime.agency.org/')).toEqual({
      ok: true,
      url: 'https://naptime.agency.org',
    });
    expect(readServerAddress(' https://agency.org/naptime/ ')).toEqual({
      ok: true,
      url: 'https://agency.org/naptime',
    });
  });

  it('adds https:// when she types only the name', () => {
    expect(readServerAddress('naptime.agency.org')).toEqual({
      ok: true,
      url: 'https://naptime.agency.org',
    });
  });

  it('refuses plain http except on this machine', () => {
    expect(readServerAddress('http://naptime.agency.org')).toEqual({
      ok: false,
      problem: 'https-required',
    });
    expect(readServerAddress('http://192.168.1.10:8080')).toEqual({
      ok: false,
      problem: 'https-required',
    });
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:5173', 'http://[::1]:8080'])
      expect(readServerAddress(local)).toEqual({ ok: true, url: local });
  });

  it('says when there is no address, or no web address', () => {
    expect(readServerAddress('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(readServerAddress('ftp://agency.org')).toEqual({ ok: false, problem: 'invalid' });
    expect(readServerAddress('https://')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('readConnectForm', () => {
  it('reads a forgiving code and the address together', () => {
    expect(readConnectForm({ code: 'abcd efgh2o', server: 'http://localhost:8080' })).toEqual({
      ok: true,
      code: 'ABCDEFGH20',
      serverUrl: 'http://localhost:8080',
    });
  });

  it('names the problem of each field, with words in the catalogue', () => {
    const read = readConnectForm({ code: 'ABC', server: 'http://agency.org' });
    expect(read).toEqual({
      ok: false,
      errors: {
        code: 'connect.error.code.too-short',
        server: 'connect.error.server.https-required',
      },
    });
    if (!read.ok)
      for (const key of [read.errors.code!, read.errors.server!]) expect(en[key]).toBeTruthy();
  });
});

describe('failureMessage', () => {
  it('has words for every failure', () => {
    const held = { providerId: 'p', providerName: 'María', agencyName: 'Sunrise' };
    for (const failure of [
      { reason: 'invalid-code' },
      { reason: 'too-many-tries', retryAfterMs: 14 * 60_000 + 1 },
      { reason: 'no-connection' },
      { reason: 'server-outdated' },
      { reason: 'app-outdated' },
      { reason: 'not-naptime' },
      { reason: 'server-error' },
      { reason: 'other-provider', held },
      { reason: 'storage' },
    ] as const)
      expect(en[failureMessage(failure).key], failure.reason).toBeTruthy();
    expect(
      failureMessage({ reason: 'too-many-tries', retryAfterMs: 14 * 60_000 + 1 }).params,
    ).toEqual({ minutes: 15 });
    expect(failureMessage({ reason: 'other-provider', held }).params).toEqual({
      provider: 'María',
      agency: 'Sunrise',
    });
  });
});

describe('deviceName', () => {
  it('names the kind of device', () => {
    expect(deviceName('Mozilla/5.0 (iPad; CPU OS 15_4 like Mac OS X)')).toBe('Naptime on iPad');
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 5)).toBe(
      'Naptime on iPad',
    );
    expect(deviceName('Mozilla/5.0 (Linux; Android 10; SM-T510) Safari/537.36')).toBe(
      'Naptime on Android tablet',
    );
    expect(deviceName('Mozilla/5.0 (Linux; Android 13; Pixel 7) Mobile Safari/537.36')).toBe(
      'Naptime on Android phone',
    );
    expect(deviceName('curl/8')).toBe('Naptime on a browser');
  });
});
