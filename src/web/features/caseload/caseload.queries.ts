import { useQuery } from '@tanstack/react-query';
import type { Caseload } from '../../../core/schemas/caseload.schema.ts';
import { api } from '../../api/client.ts';

export function useCaseload() {
  return useQuery({ queryKey: ['caseload'], queryFn: () => api.get<Caseload>('/caseload') });
}
