import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { ActPart } from './ActPart';
import { DoPart } from './DoPart';
import { partProgress, type PartName, type PdsaFormValues } from './pdsa-form';
import type { PdsaErrors } from './pdsa-issues';
import { PlanPart } from './PlanPart';
import { StudyPart } from './StudyPart';
import { WorksheetPart } from './WorksheetPart';

interface Props {
  values: PdsaFormValues;
  onChange: (patch: Partial<PdsaFormValues>) => void;
  errors: PdsaErrors;
  /** The parts open when the worksheet appears. */
  initiallyOpen: PartName[];
}

/** The part each error path belongs to. */
export function partOfPath(path: string): PartName {
  if (path.startsWith('do.')) return 'do';
  if (path === 'learned' || /^questions\.\d+\.result$/.test(path)) return 'study';
  if (path === 'act' || path === 'nextStep') return 'act';
  return 'plan';
}

/** The four parts of the worksheet, each opened and closed on its own; a part with an error is always open. */
export function PdsaWorksheet({ values, onChange, errors, initiallyOpen }: Props): JSX.Element {
  const [open, setOpen] = useState<PartName[]>(initiallyOpen);
  const withErrors = Object.keys(errors).map(partOfPath);
  const isOpen = (p: PartName) => open.includes(p) || withErrors.includes(p);
  const toggle = (p: PartName) => setOpen(isOpen(p) ? open.filter((x) => x !== p) : [...open, p]);
  const progress = partProgress(values);
  const props = { values, onChange, errors };
  const part = (p: PartName, title: string, hint: string, body: JSX.Element) => (
    <WorksheetPart
      part={p}
      title={title}
      hint={hint}
      progress={progress[p]}
      isOpen={isOpen(p)}
      onToggle={toggle}
    >
      {body}
    </WorksheetPart>
  );
  return (
    <div class="pdsa-worksheet">
      {part('plan', t('pdsa.part.plan'), t('pdsa.part.planHint'), <PlanPart {...props} />)}
      {part('do', t('pdsa.part.do'), t('pdsa.part.doHint'), <DoPart {...props} />)}
      {part('study', t('pdsa.part.study'), t('pdsa.part.studyHint'), <StudyPart {...props} />)}
      {part('act', t('pdsa.part.act'), t('pdsa.part.actHint'), <ActPart {...props} />)}
    </div>
  );
}
