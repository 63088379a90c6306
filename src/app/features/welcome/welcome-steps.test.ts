import { describe, expect, it } from 'vitest';
import { currentWelcomeStep, stepAfter, type WelcomeFacts } from './welcome-steps';

const fresh: WelcomeFacts = {
  stored: null,
  hasChildren: false,
  hasNotes: false,
  needsHomeScreen: false,
};

describe('the first run', () => {
  it('starts with the language on a new device, then children, then the first note', () => {
    expect(currentWelcomeStep(fresh)).toBe('language');
    expect(currentWelcomeStep({ ...fresh, stored: 'children' })).toBe('children');
    expect(currentWelcomeStep({ ...fresh, stored: 'note', hasChildren: true })).toBe('note');
  });

  it('passes over a step already done, and ends after the note unless the Home Screen is needed', () => {
    expect(currentWelcomeStep({ ...fresh, stored: 'children', hasChildren: true })).toBe('note');
    expect(
      currentWelcomeStep({ ...fresh, stored: 'children', hasChildren: true, hasNotes: true }),
    ).toBeNull();
    expect(currentWelcomeStep({ ...fresh, stored: 'home-screen', needsHomeScreen: true })).toBe(
      'home-screen',
    );
  });

  it('takes adding a child in the language on screen as the language answered', () => {
    expect(currentWelcomeStep({ ...fresh, stored: 'language', hasChildren: true })).toBe('note');
  });

  it('is shown once: never after done, never to someone who already has notes or children', () => {
    expect(currentWelcomeStep({ ...fresh, stored: 'done' })).toBeNull();
    expect(currentWelcomeStep({ ...fresh, hasNotes: true })).toBeNull();
    expect(currentWelcomeStep({ ...fresh, hasChildren: true })).toBeNull();
  });

  it('goes on step by step to done', () => {
    expect([
      stepAfter('language'),
      stepAfter('children'),
      stepAfter('note'),
      stepAfter('home-screen'),
    ]).toEqual(['children', 'note', 'home-screen', 'done']);
  });
});
