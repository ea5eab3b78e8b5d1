import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StepBoard } from '../../../core/schemas/step.schema.ts';
import { formatDate, personName } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { useStepBoard } from './steps.queries.ts';

/** The centre's participants per step, one list per step, for the weekly team meeting. */
export function StepBoardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [centreId, setCentreId] = useState(user.centres[0]?.id ?? '');
  return (
    <>
      <PageHeader title={t('stepBoard.title')} lead={t('stepBoard.lead')} />
      {user.centres.length === 0 ? (
        <p className="empty">{t('stepBoard.noCentres')}</p>
      ) : (
        <>
          {user.centres.length > 1 ? (
            <SelectField
              id="step-board-centre"
              label={t('stepBoard.centre')}
              value={centreId}
              onChange={setCentreId}
              options={user.centres.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          <Board key={centreId} centreId={centreId} />
        </>
      )}
    </>
  );
}

function Board({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const board = useStepBoard(centreId);
  return (
    <QueryState query={board}>
      {(data) =>
        data.programmes.length === 0 ? (
          <p className="empty">{t('stepBoard.noProgrammes')}</p>
        ) : (
          <div className="stack">
            {data.programmes.map((p) => (
              <section key={p.programmeId} aria-label={`${data.centreName}: ${p.programmeName}`}>
                <h2>
                  {p.programmeName} <span className="muted">({data.centreName})</span>
                </h2>
                <div className="step-board">
                  {p.steps.map((s) => (
                    <StepColumn key={s.stepId} step={s} />
                  ))}
                </div>
              </section>
            ))}
          </div>
        )
      }
    </QueryState>
  );
}

function StepColumn({ step }: { step: StepBoard['programmes'][number]['steps'][number] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="step-board-column" aria-labelledby={headingId}>
      <h3 id={headingId} className="step-board-heading">
        {step.ordinal}. {step.name}
        <span className="step-board-count">{t('stepBoard.count', { count: step.participants.length })}</span>
      </h3>
      {step.participants.length === 0 ? (
        <p className="muted">{t('stepBoard.empty')}</p>
      ) : (
        <ul className="step-board-list">
          {step.participants.map((p) => (
            <li key={p.enrolmentStepId}>
              <Link to={`/deltagare/${p.participantId}`}>
                <bdi>{personName(p)}</bdi>
              </Link>
              <span className="cell-note">{t('stepBoard.since', { date: formatDate(p.since) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
