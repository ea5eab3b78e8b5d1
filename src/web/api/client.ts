import type { Locale } from '../../core/enums.ts';
import { errorMessage, type FieldError } from '../../core/messages.ts';

/** An error response from the API, in the one shape every endpoint uses. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly current: unknown;
  readonly existingId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { fields?: FieldError[]; current?: unknown; existingId?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = extra.fields ?? [];
    this.current = extra.current;
    this.existingId = extra.existingId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;
let language: Locale = 'sv';

/** The token from the session response; every state-changing request must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(locale: Locale): void {
  language = locale;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const codeForStatus: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    // Fastify refuses an empty body with a JSON content type.
    payload = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'SERVICE_UNAVAILABLE', errorMessage('SERVICE_UNAVAILABLE', language));
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  let parsed: { error?: Partial<ApiErrorBody> } | undefined;
  try {
    parsed = (await response.json()) as { error?: Partial<ApiErrorBody> };
  } catch {
    parsed = undefined;
  }
  const error = parsed?.error;
  const code = error?.code ?? codeForStatus[response.status] ?? 'INTERNAL';
  throw new ApiError(response.status, code, error?.message ?? errorMessage(code, language), {
    fields: Array.isArray(error?.fields) ? error.fields : [],
    current: error?.current,
    existingId: error?.existingId,
  });
}

type ApiErrorBody = {
  code: string;
  message: string;
  fields: FieldError[];
  current: unknown;
  existingId: string;
};

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
