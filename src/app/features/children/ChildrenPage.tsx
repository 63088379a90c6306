import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import type { StoredRecord } from '../../../domain/envelope';
import type { ChildData } from '../../../domain/records';
import { ageBand } from '../../../domain/children';
import { monthName } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/icons';
import { AttentionLink } from '../attention/AttentionLink';
import { SyncBadge } from '../attention/SyncBadge';
import { useRecordStates } from '../attention/use-attention';
import { AGE_KEYS } from './age-labels';
import { childLabels } from './child-label';
import { useChildren } from './use-children';

/** "Toddler · born March 2025", or "Age not set". */
export function ageText(child: ChildData, today: Date = new Date()): string {
  if (!child.birthMonth) return t('age.notSet');
  const band = ageBand(child.birthMonth, today);
  return `${band ? t(AGE_KEYS[band]) : t('age.notSet')} · ${t('children.born', { month: monthName(child.birthMonth) })}`;
}

/** Her roster: toddlers first, children no longer in her care listed apart. */
export function ChildrenPage(): JSX.Element {
  const items = useChildren({ includeInactive: true });
  const { route } = useLocation();
  const stateOf = useRecordStates('children');
  if (items === undefined) return <p class="page hint">{t('common.loading')}</p>;
  const readable = items.flatMap((i) => (i.ok ? [i.record as StoredRecord<ChildData>] : []));
  const labels = childLabels(readable);
  const active = readable.filter((c) => c.data.active);
  const inactive = readable.filter((c) => !c.data.active);
  const row = (c: StoredRecord<ChildData>) => (
    <li class="card" key={c.id}>
      <a class="card-link" href={`/children/${encodeURIComponent(c.id)}`}>
        <span class="note-who">{labels.get(c.id)}</span>
        <span class="hint">{ageText(c.data)}</span>
        <SyncBadge state={stateOf?.(c)} />
      </a>
    </li>
  );
  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('children.title')}</h1>
        <button type="button" class="button primary" onClick={() => route('/children/new')}>
          <Icon name="plus" size={20} /> {t('children.add')}
        </button>
      </div>
      <AttentionLink />
      {active.length === 0 && <p class="empty">{t('children.empty')}</p>}
      <ul class="card-list">{active.map(row)}</ul>
      {items.some((i) => !i.ok) && <p class="card unreadable">{t('common.unreadable')}</p>}
      {inactive.length > 0 && (
        <details class="inactive">
          <summary>{t('children.inactiveList', { count: inactive.length })}</summary>
          <ul class="card-list">{inactive.map(row)}</ul>
        </details>
      )}
    </section>
  );
}
