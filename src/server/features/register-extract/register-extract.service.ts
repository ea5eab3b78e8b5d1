import {
  type RegisterExtract,
  type RegisterExtractSectionKey,
  registerExtractSectionKeys,
} from '../../../core/schemas/register-extract.schema.ts';
import type { Db } from '../../db/client.ts';
import { logAccess } from '../access-log/access-log.repo.ts';
import { type Actor, authorize } from '../auth/actor.ts';
import { loadVisible } from '../participants/participants.service.ts';
import * as repo from './register-extract.repo.ts';

export const sectionTitles: Record<RegisterExtractSectionKey, string> = {
  identity: 'Identitet och kontaktuppgifter',
  identityHistory: 'Tidigare identiteter',
  assignedStaff: 'Tilldelad personal',
  referrals: 'Remisser',
  consents: 'Samtycken och återkallelser',
  enrolments: 'Inskrivningar',
  enrolmentSteps: 'Steg i inskrivningar',
  checklistTicks: 'Avbockade punkter i stegens checklistor',
  followUps: 'Uppföljningar efter avslut',
  followUpAttempts: 'Kontaktförsök vid uppföljning',
  assessments: 'Kartläggningar (med den känsliga delen)',
  actionPlans: 'Handlingsplaner',
  planGoals: 'Mål i handlingsplaner',
  planGoalSteps: 'Målens steg',
  planGoalActivities: 'Målens aktiviteter',
  planChanges: 'Ändringshistorik för handlingsplaner',
  journalEntries: 'Journalanteckningar (med rättelser)',
  groupMemberships: 'Gruppmedlemskap',
  attendance: 'Närvaro',
  placements: 'Praktikplatser',
  placementGoals: 'Praktikens mål',
  placementEvaluations: 'Utvärderingar av praktik',
  retention: 'Gallring: när uppgifterna anonymiserades och enligt vilken regel',
  accessLog: 'Åtkomstlogg: vem som läst eller ändrat uppgifterna och när',
};

export const rightsText =
  'Detta är ett registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR) med alla uppgifter som ' +
  'Stegvis har om dig. Du har rätt att få tillgång till dina uppgifter, att få felaktiga uppgifter rättade och ' +
  'att få uppgifter raderade i den mån lagen tillåter det (uppgifter som verksamheten är skyldig att bevara ' +
  'enligt arkivlag eller annan lag kan inte raderas). Du kan också begära att behandlingen begränsas. Om du ' +
  'anser att dina uppgifter behandlas felaktigt kan du kontakta verksamhetens dataskyddsombud eller lämna ' +
  'klagomål till Integritetsskyddsmyndigheten (IMY), www.imy.se.';

export const surveyNote =
  'Enkätsvar är anonyma och kopplas inte till någon person. De finns därför inte med i utdraget.';
export const protectedAddressNote =
  'Personen har skyddade personuppgifter. Adress sparas aldrig i Stegvis för personer med skyddade ' +
  'personuppgifter och finns därför inte med.';

/**
 * Everything Stegvis holds about one participant. The generation is written to the access log in the same
 * transaction, before the log is read, so the extract shows its own making and the next one shows this one.
 * The access-log section comes last so it holds the reads this extract made.
 */
export async function generate(db: Db, actor: Actor, participantId: string): Promise<RegisterExtract> {
  authorize(actor, 'participant.extract');
  return db.transaction(async (tx) => {
    const row = await loadVisible(tx, actor, participantId);
    const person = row.participant;
    await logAccess(tx, actor, [person], 'read', 'participant.registerExtract');
    const sections = [];
    for (const key of registerExtractSectionKeys) {
      const rows = await repo.sectionRows(tx, key, participantId);
      // The mapping's sensitive part is logged on its own wherever it is read (SECURITY.md), here too.
      if (key === 'assessments' && rows.length > 0) {
        await logAccess(tx, actor, [person], 'read', 'assessment.sensitive');
      }
      sections.push({ key, title: sectionTitles[key], rows });
    }
    return {
      participantId,
      name: `${person.firstName} ${person.lastName}`,
      protectedIdentity: person.protectedIdentity,
      generatedAt: new Date().toISOString(),
      generatedBy: { userId: actor.userId, name: actor.name, role: actor.role },
      rights: rightsText,
      notes: person.protectedIdentity ? [protectedAddressNote, surveyNote] : [surveyNote],
      sections,
    };
  });
}
