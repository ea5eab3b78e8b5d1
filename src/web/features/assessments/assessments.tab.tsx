import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { can } from '../../../core/permissions.ts';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { formatDate } from '../../components/format.ts';
import { Notice } from '../../components/notice.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { AssessmentForm } from './assessment-form.tsx';
import { AssessmentView } from './assessment-view.tsx';
import { useAssessments, useCurrentAssessment } from './assessments.queries.ts';

export function AssessmentsTab({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const current = useCurrentAssessment(participant.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayWrite = can(user.role, 'participant.write') && !participant.readOnly;

  return (
    <div className="stack">
      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">{t('assessment.heading')}</h2>
        {saved ? (
          <Notice tone="success" live>
            {t('assessment.savedNotice')}
          </Notice>
        ) : null}
        <QueryState query={current}>
          {(data) => (
            <div className="stack">
              {data.current ? (
                <>
                  <h3>{t('assessment.currentHeading', { revision: data.current.revision })}</h3>
                  <AssessmentView assessment={data.current} headingLevel={4} />
                </>
              ) : (
                <p>{t('assessment.empty')}</p>
              )}
              {mayWrite && !editing ? (
                <div className="form-actions">
                  <Button
                    className="button"
                    onPress={() => {
                      setSaved(false);
                      setEditing(true);
                    }}
                  >
                    {data.current ? t('assessment.revise') : t('assessment.start')}
                  </Button>
                </div>
              ) : null}
              {mayWrite && editing ? (
                <AssessmentForm
                  participantId={participant.id}
                  current={data.current}
                  sensitiveVisible={data.sensitiveVisible}
                  onSaved={() => {
                    setEditing(false);
                    setSaved(true);
                  }}
                  onCancel={() => setEditing(false)}
                />
              ) : null}
            </div>
          )}
        </QueryState>
      </section>
      <EarlierRevisions participantId={participant.id} />
    </div>
  );
}

/** Every revision but the current one, each opened in place. */
function EarlierRevisions({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const list = useAssessments(participantId);
  return (
    <section aria-labelledby="assessment-earlier-heading">
      <h2 id="assessment-earlier-heading">{t('assessment.earlierHeading')}</h2>
      <QueryState query={list}>
        {(data) => {
          const earlier = data.items.slice(1);
          if (earlier.length === 0) return <p>{t('assessment.earlierNone')}</p>;
          return (
            <ul className="stack assessment-revisions">
              {earlier.map((a) => (
                <li key={a.id}>
                  <details>
                    <summary>
                      {t('assessment.earlierSummary', {
                        revision: a.revision,
                        date: formatDate(a.meetingOn),
                        name: a.createdByName,
                      })}
                    </summary>
                    <AssessmentView assessment={a} headingLevel={3} />
                  </details>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
