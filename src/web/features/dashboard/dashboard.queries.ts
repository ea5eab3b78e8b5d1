import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../core/schemas/dashboard.schema.ts';
import { api, queryString } from '../../api/client.ts';

export type DashboardParams = {
  from?: string;
  to?: string;
  centreId?: string;
  municipality?: string;
  targetGroup?: string;
};

export function useDashboard(programmeId: string, params: DashboardParams) {
  return useQuery({
    queryKey: ['dashboard', programmeId, params],
    queryFn: () => api.get<Dashboard>(`/programmes/${programmeId}/dashboard${queryString(params)}`),
    enabled: programmeId !== '',
    // The old figures stay on screen, marked busy, while new filters load.
    placeholderData: keepPreviousData,
  });
}
