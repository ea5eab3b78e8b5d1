import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Assessment, hasSensitive } from '../../../core/schemas/assessment.schema.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';

/** One revision of the mapping, area by area; the sensitive part only when the response carries it. */
export function AssessmentView({
  assessment,
  headingLevel,
}: {
  assessment: Assessment;
  headingLevel: 3 | 4;
}) {
  const { t } = useTranslation();
  const a = assessment.areas;
  const H = `h${headingLevel}` as 'h3' | 'h4';
  const notGiven = t('common.notGiven');
  const choice = (key: string | null, prefix: string) =>
    key ? t(`${prefix}.${key}` as 'sfiCourse.A') : null;
  const area = (id: string, title: string, body: ReactNode) => (
    <section className="assessment-area" aria-labelledby={`${assessment.id}-${id}`}>
      <H id={`${assessment.id}-${id}`}>{title}</H>
      {body}
    </section>
  );
  const list = (items: DescriptionItem[]) => <DescriptionList items={items} emptyLabel={notGiven} />;
  const prose = (text: string | null) => (text ? <span dir="auto">{text}</span> : null);

  return (
    <div className="stack">
      <p className="field-description">
        {t('assessment.recordedBy', {
          revision: assessment.revision,
          at: formatDateTime(assessment.createdAt),
          name: assessment.createdByName,
        })}
      </p>
      {area(
        'meeting',
        t('assessment.meeting'),
        list([
          { key: 'meetingOn', term: t('field.meetingOn'), value: formatDate(assessment.meetingOn) },
          {
            key: 'attendees',
            term: t('field.attendees'),
            value:
              assessment.attendees.length > 0 ? (
                <ul>
                  {assessment.attendees.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: attendees have no id and never reorder here
                    <li key={i}>
                      <bdi>{p.name}</bdi> ({t(`assessmentSide.${p.side}`)})
                    </li>
                  ))}
                </ul>
              ) : (
                t('assessment.attendeesNone')
              ),
          },
          { key: 'summary', term: t('field.summary'), value: prose(assessment.summary) },
        ]),
      )}
      {area(
        'swedish',
        t('assessment.swedish'),
        list([
          { key: 'level', term: t('field.level'), value: choice(a.swedish.level, 'proficiencyLevel') },
          { key: 'sfiCourse', term: t('field.sfiCourse'), value: choice(a.swedish.sfiCourse, 'sfiCourse') },
          { key: 'comment', term: t('field.comment'), value: prose(a.swedish.comment) },
        ]),
      )}
      {area(
        'languages',
        t('assessment.otherLanguages'),
        a.otherLanguages.length > 0 ? (
          list(
            a.otherLanguages.map((l, i) => ({
              key: `${l.language}-${i}`,
              term: t(`language.${l.language}` as 'language.sv'),
              value: t(`proficiencyLevel.${l.level}`),
            })),
          )
        ) : (
          <p>{t('assessment.otherLanguagesNone')}</p>
        ),
      )}
      {area(
        'education',
        t('assessment.education'),
        list([
          { key: 'levelCode', term: t('field.levelCode'), value: a.education.levelCode },
          { key: 'country', term: t('field.country'), value: a.education.country },
          { key: 'field', term: t('assessment.educationField'), value: prose(a.education.field) },
          {
            key: 'recognition',
            term: t('assessment.recognitionUnderWay'),
            value: a.education.recognitionUnderWay ? t('assessment.yes') : t('assessment.no'),
          },
          { key: 'comment', term: t('field.comment'), value: prose(a.education.comment) },
        ]),
      )}
      {area(
        'work',
        t('assessment.workExperience'),
        a.workExperience.length > 0 ? (
          list(
            a.workExperience.map((w, i) => ({
              key: `${w.occupation}-${i}`,
              term: w.ssykCode ? `${w.occupation} (SSYK ${w.ssykCode})` : w.occupation,
              value: t('assessment.yearsValue', { years: w.years }),
            })),
          )
        ) : (
          <p>{t('assessment.workExperienceNone')}</p>
        ),
      )}
      {area(
        'everyday',
        t('assessment.goalsAndEveryday'),
        list([
          { key: 'ownGoals', term: t('assessment.ownGoals'), value: prose(a.ownGoals) },
          { key: 'housing', term: t('assessment.housing'), value: prose(a.housing) },
          { key: 'childcare', term: t('assessment.childcare'), value: prose(a.childcare) },
          { key: 'leisure', term: t('assessment.leisureAndNetworks'), value: prose(a.leisureAndNetworks) },
          { key: 'economy', term: t('assessment.economy'), value: prose(a.economy) },
        ]),
      )}
      {area(
        'skills',
        t('assessment.skills'),
        list([
          {
            key: 'drivingLicence',
            term: t('field.drivingLicence'),
            value: choice(a.drivingLicence, 'drivingLicence'),
          },
          {
            key: 'digitalSkills',
            term: t('field.digitalSkills'),
            value: choice(a.digitalSkills, 'proficiencyLevel'),
          },
        ]),
      )}
      {hasSensitive(assessment)
        ? area(
            'sensitive',
            t('assessment.sensitive'),
            <>
              <p className="field-description">{t('assessment.sensitiveLead')}</p>
              {list([
                { key: 'health', term: t('field.health'), value: prose(assessment.sensitive.health) },
                {
                  key: 'social',
                  term: t('field.socialCircumstances'),
                  value: prose(assessment.sensitive.socialCircumstances),
                },
              ])}
            </>,
          )
        : null}
    </div>
  );
}
