import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '../../../core/permissions.ts';
import type { Survey, SurveyLink } from '../../../core/schemas/survey.schema.ts';
import { ErrorState, QueryState } from '../../components/query-state.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useCurrentUser } from '../auth/session.queries.ts';
import { qrCodeUrl, useCreateSurveyLink, useSurveyLinkOptions, useSurveyLinks } from './surveys.queries.ts';

/** What a link is for, as people say it: the group and its centre, and the session if it is for one. */
export function useLinkLabel() {
  const { t } = useTranslation();
  return (link: SurveyLink) =>
    link.sessionDate
      ? t('surveyLinks.forSession', {
          group: link.groupName,
          centre: link.centreName,
          date: link.sessionDate,
          time: link.sessionStartTime,
        })
      : t('surveyLinks.forGroup', { group: link.groupName, centre: link.centreName });
}

/** The survey's links, each with its address, a copy button and its QR code; and a form for a new one. */
export function SurveyLinks({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mayLink = can(user.role, 'survey.link') && survey.status !== 'closed';
  const links = useSurveyLinks(survey.id);
  const label = useLinkLabel();
  const [copied, setCopied] = useState<string | null>(null);

  return (
    <section aria-labelledby="survey-links-heading">
      <h2 id="survey-links-heading">{t('surveyLinks.heading')}</h2>
      <p>{t('surveyLinks.lead')}</p>
      {survey.status === 'draft' ? <p className="muted">{t('surveyLinks.notOpen')}</p> : null}
      {mayLink ? <NewLinkForm surveyId={survey.id} /> : null}
      <p role="status" className="visually-hidden">
        {copied ? t('surveyLinks.copied') : ''}
      </p>
      <QueryState query={links}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('surveyLinks.empty')}</p>
          ) : (
            <ul className="survey-link-list">
              {data.items.map((link) => {
                const url = `${window.location.origin}${link.path}`;
                return (
                  <li key={link.id} className="survey-link">
                    <h3>{label(link)}</h3>
                    <p>{t('surveyLinks.responses', { count: link.responseCount })}</p>
                    <p>
                      <span className="field-label">{t('surveyLinks.address')}: </span>
                      <a href={link.path}>{url}</a>
                    </p>
                    <div className="form-actions">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() =>
                          void navigator.clipboard?.writeText(url).then(() => setCopied(link.id))
                        }
                      >
                        {t('surveyLinks.copy')}
                      </button>
                      <Link
                        className="button button-secondary button-small"
                        to={`/enkater/${survey.id}/lankar/${link.id}/utskrift`}
                      >
                        {t('surveyLinks.print')}
                      </Link>
                    </div>
                    <img
                      className="survey-qr"
                      src={qrCodeUrl(survey.id, link.id)}
                      alt={t('surveyLinks.qrAlt', { title: survey.titles.sv, link: label(link) })}
                      width={160}
                      height={160}
                    />
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function NewLinkForm({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const options = useSurveyLinkOptions(surveyId);
  const create = useCreateSurveyLink(surveyId);
  const [groupId, setGroupId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [created, setCreated] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!groupId || create.isPending) return;
    setCreated(false);
    create.mutate(
      { groupId, sessionId: sessionId || null },
      {
        onSuccess: () => {
          setCreated(true);
          setSessionId('');
        },
      },
    );
  };

  return (
    <QueryState query={options}>
      {(data) => {
        if (data.groups.length === 0) return <p className="muted">{t('surveyLinks.noGroups')}</p>;
        const group = data.groups.find((g) => g.id === groupId);
        return (
          <form onSubmit={submit} className="survey-link-form" aria-label={t('surveyLinks.create')}>
            {create.isError ? <ErrorState error={create.error} /> : null}
            <SelectField
              id="survey-link-group"
              label={t('surveyLinks.group')}
              value={groupId}
              placeholder={t('common.choose')}
              isRequired
              onChange={(value) => {
                setGroupId(value);
                setSessionId('');
              }}
              options={data.groups.map((g) => ({
                value: g.id,
                label: `${g.name} (${g.activityName}, ${g.centreName})`,
              }))}
            />
            {group && group.sessions.length > 0 ? (
              <SelectField
                id="survey-link-session"
                label={t('surveyLinks.session')}
                value={sessionId}
                onChange={setSessionId}
                options={[
                  { value: '', label: t('surveyLinks.wholeGroup') },
                  ...group.sessions.map((s) => ({
                    value: s.id,
                    label: `${s.date} ${s.startTime}–${s.endTime}`,
                  })),
                ]}
              />
            ) : null}
            <SubmitButton isPending={create.isPending}>{t('surveyLinks.create')}</SubmitButton>
            <p role="status">{created ? t('surveyLinks.created') : ''}</p>
          </form>
        );
      }}
    </QueryState>
  );
}
