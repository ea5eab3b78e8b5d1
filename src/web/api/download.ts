import { errorMessage } from '../../core/messages.ts';
import { ApiError } from './client.ts';

/** The file name from a Content-Disposition header (filename*= first, then filename=), or the fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8'[^']*')?"?([^";]+)"?/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A badly encoded name: fall through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file from the API and hands it to the browser as a download. Unlike a plain link, a refusal
 * (409 when the check before export blocks it) comes back as an ApiError with the server's message instead of
 * being saved as a file.
 */
export async function downloadFile(href: string, fallbackName: string): Promise<void> {
  const language = document.documentElement.lang === 'en' ? 'en' : 'sv';
  let response: Response;
  try {
    response = await fetch(href, { credentials: 'same-origin', headers: { 'accept-language': language } });
  } catch {
    throw new ApiError(0, 'SERVICE_UNAVAILABLE', errorMessage('SERVICE_UNAVAILABLE', language));
  }
  if (!response.ok) {
    let body: { error?: { code?: string; message?: string } } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const code = body?.error?.code ?? (response.status === 403 ? 'FORBIDDEN' : 'INTERNAL');
    throw new ApiError(response.status, code, body?.error?.message ?? errorMessage(code, language));
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
