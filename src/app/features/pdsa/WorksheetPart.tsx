import type { ComponentChildren, JSX } from 'preact';
import { t } from '../../i18n/i18n';
import type { PartName, PartProgress } from './pdsa-form';

interface Props {
  part: PartName;
  title: string;
  hint: string;
  progress: PartProgress;
  isOpen: boolean;
  onToggle: (part: PartName) => void;
  children: ComponentChildren;
}

const PROGRESS_KEYS = {
  empty: 'pdsa.partEmpty',
  started: 'pdsa.partStarted',
  filled: 'pdsa.partFilled',
} as const;

/**
 * One part of the worksheet (Plan, Do, Study, Act) as a disclosure: a heading whose button opens or
 * closes it (the WAI-ARIA accordion pattern), so a phone shows one part at a time. Closed parts stay
 * rendered (hidden), so nothing typed in them is lost.
 */
export function WorksheetPart({
  part,
  title,
  hint,
  progress,
  isOpen,
  onToggle,
  children,
}: Props): JSX.Element {
  const bodyId = `part-${part}`;
  return (
    <section class={`card pdsa-part is-${progress}`}>
      <h2>
        <button
          type="button"
          class="part-toggle"
          aria-expanded={isOpen}
          aria-controls={bodyId}
          onClick={() => onToggle(part)}
        >
          <span class="part-title">{title}</span>
          <span class="part-progress">{t(PROGRESS_KEYS[progress])}</span>
          <span class="part-chevron" aria-hidden="true">
            {isOpen ? '−' : '+'}
          </span>
        </button>
      </h2>
      <div id={bodyId} class="part-body" hidden={!isOpen}>
        <p class="hint">{hint}</p>
        {children}
      </div>
    </section>
  );
}
