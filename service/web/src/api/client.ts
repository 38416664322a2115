import { fromResponse, invalidKey } from './errors';
import type { HttpRequest, Transport } from './http';
import { parseModelInfo } from './model-info';
import type { Annotation, Correction, ModelInfo, SimilarAnswer } from './types';
import type { Credentials } from '../auth/credentials';

/** The few calls the page makes to the service at the same origin. */
export class KalasClient {
  constructor(
    private readonly transport: Transport,
    private readonly credentials: Credentials,
  ) {}

  async model(): Promise<ModelInfo> {
    return parseModelInfo(await this.send({ method: 'GET', url: '/v1/model' }));
  }

  async annotate(image: Blob, onProgress?: (fraction: number) => void): Promise<Annotation> {
    return (await this.send({ method: 'POST', url: '/v1/annotate', body: imageForm(image), onUploadProgress: onProgress })) as Annotation;
  }

  async similar(image: Blob, k = 8, onProgress?: (fraction: number) => void): Promise<SimilarAnswer> {
    const answer = (await this.send({
      method: 'POST',
      url: `/v1/similar?k=${k}`,
      body: imageForm(image),
      onUploadProgress: onProgress,
    })) as Partial<SimilarAnswer> | null;
    return { items: Array.isArray(answer?.items) ? answer.items : [] };
  }

  /**
   * Sends a correction; with the photo it goes as multipart so the training pipeline gets the image too.
   * Answers whether it acts on the shop's predictions now: one sent through the public page's session waits
   * for a person at the shop to accept it.
   */
  async feedback(correction: Correction, image?: Blob): Promise<{ learns: boolean }> {
    let answer: unknown;
    if (image) {
      const form = imageForm(image);
      form.append('correction', JSON.stringify(correction));
      answer = await this.send({ method: 'POST', url: '/v1/feedback', body: form });
    } else {
      answer = await this.send({
        method: 'POST',
        url: '/v1/feedback',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(correction),
      });
    }
    // The page ships with the service, so the answer has `learns`; when in doubt, do not promise it acts.
    return { learns: (answer as { learns?: unknown } | null)?.learns === true };
  }

  private async send(request: HttpRequest, retried = false): Promise<unknown> {
    const authorization = await this.credentials.authorization();
    const response = await this.transport({ ...request, headers: { ...request.headers, Authorization: authorization } });
    if (response.status >= 200 && response.status < 300) return response.json;
    if (response.status === 401) {
      // A demo session token may simply have expired: get a fresh one once before calling it invalid.
      if (this.credentials.usesSession() && !retried) {
        this.credentials.dropSession();
        return this.send(request, true);
      }
      throw invalidKey();
    }
    throw fromResponse(response.status, response.json, response.retryAfter);
  }
}

function imageForm(image: Blob): FormData {
  const form = new FormData();
  const name = image instanceof File ? image.name : 'photo.jpg';
  form.append('image', image, name);
  return form;
}
