import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Cofinancing,
  CommonIndicators,
  MonthlyFile,
  MonthlyFileOverview,
} from '../../../core/schemas/funder-report.schema.ts';
import { api, queryString } from '../../api/client.ts';

export type Period = { from?: string; to?: string };
export type ExportFormat = 'csv' | 'xlsx';

export const funderReportKeys = {
  programme: (programmeId: string) => ['funder-reports', programmeId] as const,
  overview: (programmeId: string) => ['funder-reports', programmeId, 'monthly'] as const,
  month: (programmeId: string, month: string) => ['funder-reports', programmeId, 'monthly', month] as const,
  indicators: (programmeId: string, period: Period) =>
    ['funder-reports', programmeId, 'indicators', period] as const,
  cofinancing: (programmeId: string, period: Period) =>
    ['funder-reports', programmeId, 'cofinancing', period] as const,
};

const base = (programmeId: string) => `/programmes/${programmeId}/funder-reports`;

/** The address of a report's file, for the download buttons. */
export const reportFileHref = {
  month: (programmeId: string, month: string, format: ExportFormat) =>
    `/api${base(programmeId)}/monthly/${month}${queryString({ format })}`,
  indicators: (programmeId: string, period: Period, format: ExportFormat) =>
    `/api${base(programmeId)}/indicators${queryString({ ...period, format })}`,
  cofinancing: (programmeId: string, period: Period, format: ExportFormat) =>
    `/api${base(programmeId)}/cofinancing${queryString({ ...period, format })}`,
};

// Colleagues correct data all the time: the reports are read afresh whenever they are shown.
const fresh = { staleTime: 0 };

export function useMonthlyOverview(programmeId: string) {
  return useQuery({
    queryKey: funderReportKeys.overview(programmeId),
    queryFn: () => api.get<MonthlyFileOverview>(`${base(programmeId)}/monthly`),
    enabled: programmeId !== '',
    ...fresh,
  });
}

export function useMonthlyFile(programmeId: string, month: string) {
  return useQuery({
    queryKey: funderReportKeys.month(programmeId, month),
    queryFn: () => api.get<MonthlyFile>(`${base(programmeId)}/monthly/${month}`),
    enabled: programmeId !== '' && month !== '',
    ...fresh,
  });
}

/** Marks a month as sent, with the fingerprint of the rows the user saw; later months may then need resending. */
export function useMarkMonthSubmitted(programmeId: string, month: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fingerprint: string) =>
      api.post<MonthlyFile>(`${base(programmeId)}/monthly/${month}/submissions`, { fingerprint }),
    onSuccess: (file) => {
      queryClient.setQueryData(funderReportKeys.month(programmeId, month), file);
      // The month's state and, when it was a correction, the later months' states.
      void queryClient.invalidateQueries({ queryKey: funderReportKeys.overview(programmeId), exact: true });
    },
  });
}

export function useCommonIndicators(programmeId: string, period: Period) {
  return useQuery({
    queryKey: funderReportKeys.indicators(programmeId, period),
    queryFn: () => api.get<CommonIndicators>(`${base(programmeId)}/indicators${queryString(period)}`),
    enabled: programmeId !== '',
    placeholderData: keepPreviousData,
    ...fresh,
  });
}

export function useCofinancing(programmeId: string, period: Period) {
  return useQuery({
    queryKey: funderReportKeys.cofinancing(programmeId, period),
    queryFn: () => api.get<Cofinancing>(`${base(programmeId)}/cofinancing${queryString(period)}`),
    enabled: programmeId !== '',
    placeholderData: keepPreviousData,
    ...fresh,
  });
}
