import { downloadName } from '../logic/download-name';
import { reportConnection } from './connection';
import { readProblem } from '../logic/problem';
import { ApiError, ConnectionError } from './errors';

/**
 * Fetches a file with the session's cookie and saves it under the name the
 * server gives, so that a refusal is shown on the page rather than saved as a file.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    reportConnection('offline');
    throw new ConnectionError('offline');
  }
  if (response.status === 503) {
    reportConnection('unavailable');
    throw new ConnectionError('unavailable');
  }
  reportConnection(null);
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text is the detail.
    }
    throw new ApiError(readProblem(response.status, body));
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = downloadName(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
