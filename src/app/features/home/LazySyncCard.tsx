import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, withLaterWords } from '../../i18n/i18n';

type Card = typeof import('./SyncCard').SyncCard;
let loaded: Card | null = null;

/**
 * Home's sync card, loaded after the first paint (it sits at the bottom of Home, and its reads
 * and code need not hold up the first screen; DESIGN.md "Architecture"). Until then its heading
 * and "Loading…" hold its place, so nothing jumps.
 */
export function LazySyncCard({ children }: { children?: ComponentChildren }): JSX.Element {
  const [Card, setCard] = useState<Card | null>(() => loaded);
  useEffect(() => {
    if (Card) return;
    let live = true;
    void withLaterWords(import('./SyncCard')).then((m) => {
      loaded = m.SyncCard;
      if (live) setCard(() => m.SyncCard);
    });
    return () => {
      live = false;
    };
  }, [Card]);
  if (Card) return <Card>{children}</Card>;
  return (
    <section class="card sync-card" aria-labelledby="home-sync">
      <h2 id="home-sync">{t('home.syncTitle')}</h2>
      <p>{t('common.loading')}</p>
    </section>
  );
}
