import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../../core/schemas/participant.schema.ts';
import { type DescriptionItem, DescriptionList } from '../../components/description-list.tsx';
import { formatDate } from '../../components/format.ts';

/** Everything recorded about a person, as label–value pairs. Never an address for a protected person. */
export function ParticipantDetails({ participant }: { participant: ParticipantDetail }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const items: DescriptionItem[] = [
    { key: 'firstName', term: t('field.firstName'), value: <bdi>{participant.firstName}</bdi> },
    { key: 'lastName', term: t('field.lastName'), value: <bdi>{participant.lastName}</bdi> },
    {
      key: 'identity',
      term: t(`identityType.${participant.identityType}`),
      value: participant.identityNumber,
    },
    { key: 'birthDate', term: t('field.birthDate'), value: formatDate(participant.birthDate) },
    { key: 'legalGender', term: t('field.legalGender'), value: t(`legalGender.${participant.legalGender}`) },
    {
      key: 'preferredLanguage',
      term: t('field.preferredLanguage'),
      value: participant.preferredLanguage
        ? t(`language.${participant.preferredLanguage}` as 'language.sv')
        : '',
    },
    {
      key: 'interpreterNeeded',
      term: t('field.interpreterNeeded'),
      value: yesNo(participant.interpreterNeeded),
    },
    { key: 'phone', term: t('field.phone'), value: participant.phone },
    { key: 'email', term: t('field.email'), value: participant.email },
  ];
  if (participant.protectedIdentity) {
    items.push({ key: 'address', term: t('participant.address'), value: t('participant.addressProtected') });
  } else {
    items.push(
      {
        key: 'streetAddress',
        term: t('field.streetAddress'),
        value: participant.streetAddress ? <bdi>{participant.streetAddress}</bdi> : '',
      },
      { key: 'postalCode', term: t('field.postalCode'), value: participant.postalCode },
      { key: 'city', term: t('field.city'), value: participant.city },
    );
  }
  items.push(
    { key: 'municipality', term: t('field.municipalityCode'), value: participant.municipalityName },
    {
      key: 'education',
      term: t('field.educationLevelCode'),
      value: participant.educationLevelCode
        ? `${participant.educationLevelCode} ${participant.educationLevelName ?? ''}`.trim()
        : '',
    },
    {
      key: 'protectedIdentity',
      term: t('field.protectedIdentity'),
      value: yesNo(participant.protectedIdentity),
    },
  );
  return <DescriptionList items={items} emptyLabel={t('common.notGiven')} />;
}
