import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type TwoFactorEnrolment,
  type TwoFactorStatus,
  twoFactorConfirmation,
} from '../../../core/schemas/auth.schema.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { fieldDomId, useFormFailure } from '../../components/form-errors.ts';
import { formatDateTime } from '../../components/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextInputField } from '../../components/text-input-field.tsx';
import { useLocale } from '../../i18n/index.ts';
import {
  useConfirmTwoFactor,
  useDisableTwoFactor,
  useRenewRecoveryCodes,
  useStartTwoFactor,
  useTwoFactorStatus,
} from './account.queries.ts';

/**
 * Two-step verification on Mitt konto: turn it on with an authenticator app, see the recovery codes once, make new
 * ones, turn it off.
 */
export function TwoFactorPanel({ onChanged }: { onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const [shown, setShown] = useState<{ codes: string[]; renewed: boolean } | null>(null);
  return (
    <section className="panel" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('account.twoFactorHeading')}</h2>
      {shown ? (
        <RecoveryCodes
          codes={shown.codes}
          title={shown.renewed ? t('account.renewedHeading') : t('account.twoFactorEnabled')}
          lead={shown.renewed ? t('account.renewedLead') : t('account.recoveryCodesLead')}
          onDone={() => setShown(null)}
        />
      ) : (
        <QueryState query={status}>
          {(data) =>
            data.enabled ? (
              <>
                <DisableForm status={data} onDisabled={() => onChanged(t('account.twoFactorDisabled'))} />
                <RenewForm onRenewed={(codes) => setShown({ codes, renewed: true })} />
              </>
            ) : (
              <Enrol onEnabled={(codes) => setShown({ codes, renewed: false })} />
            )
          }
        </QueryState>
      )}
    </section>
  );
}

/** The secret as groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** A code from the authenticator app, sent with `mutation`; the answer's recovery codes go to `onCodes`. */
function AppCodeForm({
  idPrefix,
  submitLabel,
  mutation,
  onCodes,
}: {
  idPrefix: string;
  submitLabel: string;
  mutation: ReturnType<typeof useConfirmTwoFactor> | ReturnType<typeof useRenewRecoveryCodes>;
  onCodes: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormFailure(locale);
  const [code, setCode] = useState('');
  const codeId = fieldDomId(idPrefix, 'code');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = twoFactorConfirmation.safeParse({ code });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    mutation.mutate(
      { code },
      { onSuccess: (answer) => onCodes(answer.recoveryCodes), onError: form.fromError },
    );
  }

  return (
    <>
      <ErrorSummary failure={form.failure} fieldId={(field) => (field === 'code' ? codeId : undefined)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={codeId}
          label={t('account.twoFactorCode')}
          autoComplete="one-time-code"
          inputMode="numeric"
          value={code}
          onChange={setCode}
          error={form.errorFor('code')}
          width="short"
          isRequired
        />
        <SubmitButton isPending={mutation.isPending}>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}

function Enrol({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const form = useFormFailure(locale);
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);

  function begin() {
    form.clear();
    start.mutate(undefined, { onSuccess: setEnrolment, onError: form.fromError });
  }

  return (
    <>
      <ErrorSummary failure={form.failure} fieldId={() => undefined} />
      {enrolment ? (
        <>
          <ol className="steps-list">
            <li>{t('account.twoFactorScan')}</li>
            <li>{t('account.twoFactorEnterCode')}</li>
          </ol>
          <img
            className="qr-code"
            src={enrolment.qrCode}
            alt={t('account.twoFactorQrAlt')}
            width={200}
            height={200}
          />
          <p>
            {t('account.twoFactorManual')}{' '}
            <code className="secret" data-secret={enrolment.secret}>
              {grouped(enrolment.secret)}
            </code>
          </p>
          <AppCodeForm
            idPrefix="two-factor"
            submitLabel={t('account.twoFactorConfirm')}
            mutation={confirm}
            onCodes={onEnabled}
          />
        </>
      ) : (
        <>
          <p>{t('account.twoFactorOffLead')}</p>
          <Button className="button" onPress={begin} isDisabled={start.isPending}>
            {t('account.twoFactorStart')}
          </Button>
        </>
      )}
    </>
  );
}

function RecoveryCodes({
  codes,
  title,
  lead,
  onDone,
}: {
  codes: string[];
  title: string;
  lead: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="notice notice-success">
      <h3 id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p>{lead}</p>
      <ul className="recovery-codes" aria-labelledby="recovery-codes-heading">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button className="button" onPress={onDone}>
        {t('account.recoveryCodesDone')}
      </Button>
    </div>
  );
}

function DisableForm({ status, onDisabled }: { status: TwoFactorStatus; onDisabled: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const disable = useDisableTwoFactor();
  const form = useFormFailure(locale);
  const [password, setPassword] = useState('');
  const idFor = (name: string) => fieldDomId('two-factor-off', name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disable.isPending) return;
    disable.mutate(
      { password },
      {
        onSuccess: () => {
          form.clear();
          setPassword('');
          onDisabled();
        },
        onError: form.fromError,
      },
    );
  }

  return (
    <>
      <p>
        {t('account.twoFactorOn', {
          date: status.enabledAt ? formatDateTime(status.enabledAt) : '',
          count: status.recoveryCodesLeft,
        })}
      </p>
      <ErrorSummary
        failure={form.failure}
        fieldId={(field) => (field === 'password' ? idFor('password') : undefined)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextInputField
          id={idFor('password')}
          label={t('account.twoFactorPassword')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor('password')}
          width="medium"
          isRequired
        />
        <SubmitButton isPending={disable.isPending}>{t('account.twoFactorTurnOff')}</SubmitButton>
      </form>
    </>
  );
}

/** New recovery codes for a code from the app, when the old ones are used up or lost. */
function RenewForm({ onRenewed }: { onRenewed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const renew = useRenewRecoveryCodes();
  return (
    <section aria-labelledby="renew-codes-heading">
      <h3 id="renew-codes-heading">{t('account.renewHeading')}</h3>
      <p>{t('account.renewLead')}</p>
      <AppCodeForm
        idPrefix="recovery-codes"
        submitLabel={t('account.renewSubmit')}
        mutation={renew}
        onCodes={onRenewed}
      />
    </section>
  );
}
