import { z } from 'zod';
import { assessmentParticipantSides } from '../enums.ts';
import { languageCodes } from '../languages.ts';
import { id, isoDate, optionalText, requiredText, version } from './common.ts';

// The in-depth mapping (fördjupad kartläggning). The areas live in a jsonb column, so these sets are closed here.

export const proficiencyLevels = ['none', 'basic', 'intermediate', 'advanced'] as const;
export type ProficiencyLevel = (typeof proficiencyLevels)[number];

export const sfiCourses = ['A', 'B', 'C', 'D', 'completed'] as const;
export type SfiCourse = (typeof sfiCourses)[number];

export const drivingLicences = ['none', 'learner', 'B', 'other'] as const;
export type DrivingLicence = (typeof drivingLicences)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: 'invalid_choice' });
const areaText = optionalText(4000);

/** What the form and the endpoint accept; blank text becomes null, left-out areas become empty. */
export const assessmentAreasInput = z.object({
  swedish: z
    .object({
      level: choice(proficiencyLevels)
        .nullish()
        .transform((v) => v ?? null),
      sfiCourse: choice(sfiCourses)
        .nullish()
        .transform((v) => v ?? null),
      comment: areaText,
    })
    .prefault({}),
  otherLanguages: z
    .array(z.object({ language: choice(languageCodes), level: choice(proficiencyLevels) }))
    .max(20, { message: 'too_many' })
    .default([]),
  education: z
    .object({
      // SUN 2020 education level, as on the participant.
      levelCode: z
        .string()
        .regex(/^\d{1,3}$/, { message: 'invalid_format' })
        .nullish()
        .transform((v) => v ?? null),
      // ISO 3166-1 alpha-2.
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, { message: 'invalid_format' })
        .nullish()
        .transform((v) => v ?? null),
      field: optionalText(200),
      recognitionUnderWay: z.boolean().default(false),
      comment: areaText,
    })
    .prefault({}),
  workExperience: z
    .array(
      z.object({
        occupation: requiredText(200),
        ssykCode: z
          .string()
          .regex(/^\d{4}$/, { message: 'invalid_format' })
          .nullish()
          .transform((v) => v ?? null),
        years: z.number({ message: 'invalid_value' }).min(0, { message: 'too_small' }).max(60, {
          message: 'too_large',
        }),
      }),
    )
    .max(30, { message: 'too_many' })
    .default([]),
  ownGoals: areaText,
  housing: areaText,
  childcare: areaText,
  leisureAndNetworks: areaText,
  drivingLicence: choice(drivingLicences)
    .nullish()
    .transform((v) => v ?? null),
  digitalSkills: choice(proficiencyLevels)
    .nullish()
    .transform((v) => v ?? null),
  economy: areaText,
});
export type AssessmentAreasInput = z.input<typeof assessmentAreasInput>;
export type AssessmentAreasValues = z.output<typeof assessmentAreasInput>;

/** Health and social circumstances: only for social and work consultants and the participant's assigned staff. */
export const assessmentSensitiveInput = z.object({
  health: optionalText(4000),
  socialCircumstances: optionalText(4000),
});
export type AssessmentSensitiveInput = z.input<typeof assessmentSensitiveInput>;

export const assessmentAttendee = z.object({
  side: choice(assessmentParticipantSides),
  name: requiredText(200),
});

export const assessmentInput = z.object({
  /** The revision the form started from; null for the first. A stale one gives 409 VERSION_CONFLICT. */
  basedOnRevision: version.nullable(),
  meetingOn: isoDate,
  attendees: z.array(assessmentAttendee).max(20, { message: 'too_many' }).default([]),
  summary: optionalText(10_000),
  areas: assessmentAreasInput.prefault({}),
  sensitive: assessmentSensitiveInput.optional(),
});
export type AssessmentInput = z.input<typeof assessmentInput>;

// Response schemas carry no transforms: they are encoded as they stand, and only the listed keys leave.

const text = z.string().nullable();

export const assessmentAreas = z.object({
  swedish: z.object({
    level: z.enum(proficiencyLevels).nullable(),
    sfiCourse: z.enum(sfiCourses).nullable(),
    comment: text,
  }),
  otherLanguages: z.array(z.object({ language: z.enum(languageCodes), level: z.enum(proficiencyLevels) })),
  education: z.object({
    levelCode: text,
    country: text,
    field: text,
    recognitionUnderWay: z.boolean(),
    comment: text,
  }),
  workExperience: z.array(z.object({ occupation: z.string(), ssykCode: text, years: z.number() })),
  ownGoals: text,
  housing: text,
  childcare: text,
  leisureAndNetworks: text,
  drivingLicence: z.enum(drivingLicences).nullable(),
  digitalSkills: z.enum(proficiencyLevels).nullable(),
  economy: text,
});
export type AssessmentAreas = z.infer<typeof assessmentAreas>;

export const assessmentSensitive = z.object({ health: text, socialCircumstances: text });
export type AssessmentSensitive = z.infer<typeof assessmentSensitive>;

/** A revision without the sensitive part: what every role that may read the participant gets. */
export const assessmentWithoutSensitive = z.object({
  id,
  participantId: id,
  revision: z.number().int(),
  meetingOn: z.string().nullable(),
  attendees: z.array(z.object({ side: z.enum(assessmentParticipantSides), name: z.string() })),
  summary: text,
  areas: assessmentAreas,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type AssessmentWithoutSensitive = z.infer<typeof assessmentWithoutSensitive>;

/** A revision with health and social circumstances, for the roles that need them. */
export const assessmentWithSensitive = assessmentWithoutSensitive.extend({ sensitive: assessmentSensitive });
export type AssessmentWithSensitive = z.infer<typeof assessmentWithSensitive>;

// The full schema first: a presented revision without `sensitive` fails it and falls to the other.
export const assessment = z.union([assessmentWithSensitive, assessmentWithoutSensitive]);
export type Assessment = z.infer<typeof assessment>;

export const assessmentList = z.object({ items: z.array(assessment) });
export const currentAssessment = z.object({
  current: assessment.nullable(),
  /** Whether the actor may see and send health and social circumstances. */
  sensitiveVisible: z.boolean(),
});
export type CurrentAssessment = z.infer<typeof currentAssessment>;

export function hasSensitive(a: Assessment): a is AssessmentWithSensitive {
  return 'sensitive' in a;
}
