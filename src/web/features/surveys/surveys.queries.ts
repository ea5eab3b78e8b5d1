import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublicSurvey,
  Survey,
  SurveyInput,
  SurveyLink,
  SurveyLinkInput,
  SurveyLinkList,
  SurveyLinkOptions,
  SurveyList,
  SurveyResponseInput,
  SurveyResults,
  SurveyUpdateInput,
} from '../../../core/schemas/survey.schema.ts';
import { api, queryString } from '../../api/client.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (programmeId: string) => ['surveys', 'list', programmeId] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  links: (id: string) => ['surveys', 'links', id] as const,
  linkOptions: (id: string) => ['surveys', 'link-options', id] as const,
  results: (id: string, linkId: string) => ['surveys', 'results', id, linkId] as const,
};

export function useSurveys(programmeId: string) {
  return useQuery({
    enabled: programmeId !== '',
    queryKey: surveyKeys.list(programmeId),
    queryFn: () => api.get<SurveyList>(`/surveys${queryString({ programmeId })}`),
  });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: surveyKeys.detail(id), queryFn: () => api.get<Survey>(`/surveys/${id}`) });
}

function useSurveySaved() {
  const queryClient = useQueryClient();
  return (saved: Survey) => {
    queryClient.setQueryData(surveyKeys.detail(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...surveyKeys.all, 'list'] });
  };
}

export function useCreateSurvey() {
  const onSaved = useSurveySaved();
  return useMutation({
    mutationFn: (input: SurveyInput) => api.post<Survey>('/surveys', input),
    onSuccess: onSaved,
  });
}

export function useUpdateSurvey(id: string) {
  const onSaved = useSurveySaved();
  return useMutation({
    mutationFn: (input: SurveyUpdateInput) => api.put<Survey>(`/surveys/${id}`, input),
    onSuccess: onSaved,
  });
}

export function useSurveyStatus(id: string) {
  const onSaved = useSurveySaved();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'open' | 'close'; version: number }) =>
      api.post<Survey>(`/surveys/${id}/${action}`, { version }),
    onSuccess: onSaved,
  });
}

export function useSurveyLinks(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: surveyKeys.links(id),
    queryFn: () => api.get<SurveyLinkList>(`/surveys/${id}/links`),
  });
}

export function useSurveyLinkOptions(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: surveyKeys.linkOptions(id),
    queryFn: () => api.get<SurveyLinkOptions>(`/surveys/${id}/link-options`),
  });
}

export function useCreateSurveyLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SurveyLinkInput) => api.post<SurveyLink>(`/surveys/${id}/links`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveyKeys.links(id) }),
  });
}

export function useSurveyResults(id: string, linkId: string) {
  return useQuery({
    queryKey: surveyKeys.results(id, linkId),
    queryFn: () =>
      api.get<SurveyResults>(`/surveys/${id}/results${queryString({ linkId: linkId || undefined })}`),
  });
}

/** The QR code's address: an image the server draws, so no QR library reaches the browser. */
export function qrCodeUrl(surveyId: string, linkId: string): string {
  return `/api/surveys/${surveyId}/links/${linkId}/qr.svg`;
}

// ---------------------------------------------------------------- answering (no login)

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => api.get<PublicSurvey>(`/public/surveys/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (input: SurveyResponseInput) =>
      api.post<{ ok: true }>(`/public/surveys/${encodeURIComponent(token)}/responses`, input),
  });
}
