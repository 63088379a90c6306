import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import { ConnectConfirm } from './ConnectConfirm';
import { useConnect } from './use-connect';

/**
 * "Connect to my agency" (SYNC.md §7): the enrollment code first (it is all most people need), the
 * server address below it, already filled in; then whom the code is for and what the server keeps,
 * before "Yes, connect". Each step moves the focus to its heading or to what went wrong.
 */
export function ConnectPage(): JSX.Element {
  const c = useConnect();
  const { step, form, errors, problem, current } = c;
  const alertRef = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (step.kind === 'done') doneRef.current?.focus();
  }, [step.kind]);

  if (step.kind === 'confirm' || step.kind === 'connecting')
    return (
      <section class="page connect">
        <ConnectConfirm
          owner={step.owner}
          waiting={current?.waiting}
          isWorking={step.kind === 'connecting'}
          onConfirm={() => void c.confirm()}
          onBack={c.back}
        />
      </section>
    );
  if (step.kind === 'done')
    return (
      <section class="page connect">
        <h1 ref={doneRef} tabIndex={-1}>
          {step.owner.agencyName === null
            ? t('connect.done.collaborative')
            : t('connect.done.title', { agency: step.owner.agencyName })}
        </h1>
        <p>{t(step.owner.kind === 'staff' ? 'connect.done.staffText' : 'connect.done.text')}</p>
        <a class="button primary" href={step.owner.kind === 'staff' ? '/staff' : '/'}>
          {t('connect.done.home')}
        </a>
      </section>
    );

  const isChecking = step.kind === 'checking';
  const conn = current?.connection;
  return (
    <form
      class="page connect"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void c.check();
      }}
    >
      <h1>{t('connect.title')}</h1>
      <p>{t('connect.intro')}</p>
      {conn && (
        <p class="notice">
          {t('connect.alreadyConnected', {
            agency: conn.agencyName ?? '',
            provider: conn.providerName ?? '',
          })}
        </p>
      )}
      {problem && (
        <p class="form-alert" role="alert" tabIndex={-1} ref={alertRef}>
          {t(problem.key, problem.params)}
        </p>
      )}
      <Field
        id="connect-code"
        label={t('connect.code')}
        hint={t('connect.codeHint')}
        error={errors.code ? t(errors.code) : null}
      >
        {(control) => (
          <input
            {...control}
            class="code-input"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            autoCorrect="off"
            spellcheck={false}
            maxLength={24}
            value={form.code}
            onInput={(e) => c.change('code', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="connect-server"
        label={t('connect.server')}
        hint={t('connect.serverHint')}
        error={errors.server ? t(errors.server) : null}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            autoComplete="url"
            autoCapitalize="none"
            autoCorrect="off"
            spellcheck={false}
            value={form.server}
            onInput={(e) => c.change('server', e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" class="button primary big" disabled={isChecking} aria-busy={isChecking}>
        {isChecking ? t('connect.checking') : t('connect.submit')}
      </button>
    </form>
  );
}
