import { unreachable, AppError } from './errors';

/** One request as the API client describes it; the transport does the I/O. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Document | XMLHttpRequestBodyInit | null;
  /** Called with the uploaded fraction, 0..1, while the body is sent. */
  onUploadProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** The parsed JSON body, or null when the body is empty or not JSON. */
  json: unknown;
  retryAfter: string | null;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * XMLHttpRequest, not fetch, because only XHR reports upload progress in every browser.
 * A network failure (status 0) becomes the "unreachable" error; HTTP errors are left to the caller.
 */
export const xhrTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.responseType = 'text';
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) report(event.loaded / event.total);
      };
      xhr.upload.onload = () => report(1);
    }
    xhr.onload = () => {
      if (xhr.status === 0) return reject(unreachable());
      resolve({ status: xhr.status, json: parseJson(xhr.responseText), retryAfter: xhr.getResponseHeader('Retry-After') });
    };
    xhr.onerror = () => reject(unreachable());
    xhr.ontimeout = () => reject(unreachable());
    xhr.onabort = () => reject(new AppError('cancelled', 'The upload was cancelled.'));
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body ?? null);
  });

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
