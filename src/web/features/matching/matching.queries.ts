import { useQuery } from '@tanstack/react-query';
import type { OpeningMatches, ParticipantMatches } from '../../../core/schemas/matching.schema.ts';
import { api, queryString } from '../../api/client.ts';

export const matchingKeys = {
  all: ['matches'] as const,
  forOpening: (openingId: string) => ['matches', 'opening', openingId] as const,
  forParticipant: (participantId: string) => ['matches', 'participant', participantId] as const,
};

const limit = 20;

export function useOpeningMatches(openingId: string) {
  return useQuery({
    queryKey: matchingKeys.forOpening(openingId),
    queryFn: () => api.get<OpeningMatches>(`/openings/${openingId}/matches${queryString({ limit })}`),
  });
}

export function useParticipantMatches(participantId: string) {
  return useQuery({
    queryKey: matchingKeys.forParticipant(participantId),
    queryFn: () =>
      api.get<ParticipantMatches>(`/participants/${participantId}/matches${queryString({ limit })}`),
  });
}
