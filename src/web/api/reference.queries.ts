import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IndustryList } from '../../core/schemas/employer.schema.ts';
import type { programmeList, referenceList } from '../../core/schemas/programme.schema.ts';
import { api } from './client.ts';

export type ReferenceList = z.infer<typeof referenceList>;
export type ProgrammeList = z.infer<typeof programmeList>;

// Code lists and programmes change seldom: fetch once per visit.
const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY };

export function useMunicipalities() {
  return useQuery({
    queryKey: ['reference', 'municipalities'],
    queryFn: () => api.get<ReferenceList>('/reference/municipalities'),
    ...forever,
  });
}

export function useEducationLevels() {
  return useQuery({
    queryKey: ['reference', 'education-levels'],
    queryFn: () => api.get<ReferenceList>('/reference/education-levels'),
    ...forever,
  });
}

export function useIndustries() {
  return useQuery({
    queryKey: ['reference', 'industries'],
    queryFn: () => api.get<IndustryList>('/reference/industries'),
    ...forever,
  });
}

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => api.get<ProgrammeList>('/programmes'),
    ...forever,
  });
}
