// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { App } from './App';
import { KalasClient } from '../api/client';
import { unreachable } from '../api/errors';
import { Credentials } from '../auth/credentials';
import { HistoryStore } from '../history/history.store';
import { fakeCodec, fakeTransport, jpegFile, json, memoryStorage, sampleAnnotation, sampleModel, type Handler } from '../test/fixtures';

const session: Handler = () => json(200, { token: 'demo-token', expires_at: new Date(Date.now() + 600_000).toISOString() });
const similar: Handler = () =>
  json(200, {
    items: [
      {
        id: '15970',
        score: 0.91,
        name: 'Red midi dress',
        permalink: 'https://shop.example/p/15970',
        image_url: 'https://shop.example/15970.jpg',
      },
      { id: '21379', score: 0.62 },
      { id: '666', score: 0.5, name: 'Evil', permalink: 'javascript:alert(1)', image_url: 'javascript:alert(2)' },
    ],
  });

function renderApp(handlers: Record<string, Handler>, storage = memoryStorage()) {
  const transport = fakeTransport({
    'POST /v1/web/session': session,
    'POST /v1/annotate': () => json(200, sampleAnnotation()),
    'POST /v1/similar': similar,
    'GET /v1/model': () => json(200, sampleModel),
    // What the service answers a correction sent through the public session: stored, waiting for the shop.
    'POST /v1/feedback': () => json(201, { id: 7, stored: true, review: 'pending', learns: false }),
    ...handlers,
  });
  const credentials = new Credentials(transport, storage);
  render(
    <App
      client={new KalasClient(transport, credentials)}
      credentials={credentials}
      history={new HistoryStore(storage)}
      codec={fakeCodec(224, 224)}
    />,
  );
  return { transport, storage };
}

async function choose(file: File) {
  await userEvent.upload(screen.getByLabelText('Choose a photo'), file, { applyAccept: false });
}

afterEach(cleanup);

describe('App', () => {
  it('annotates a photo: category, confidence bars, colours, time, then similar items', async () => {
    const { transport } = renderApp({});
    await choose(jpegFile());

    const annotation = await screen.findByRole('region', { name: 'Annotation' });
    expect(within(annotation).getByText('Dresses')).toBeTruthy();
    expect(within(annotation).getByLabelText('Category confidence')).toHaveProperty('value', 0.93);
    expect(within(annotation).getByText('93%')).toBeTruthy();
    expect(within(annotation).getByText('unsure, please check')).toBeTruthy();
    expect(within(annotation).getByText('red').parentElement?.textContent).toContain('71%');
    expect(within(annotation).getByText(/Took 21 ms/)).toBeTruthy();

    const grid = screen.getByRole('region', { name: 'Similar items' });
    const link = await within(grid).findByRole('link', { name: 'Red midi dress' });
    expect(link.getAttribute('href')).toBe('https://shop.example/p/15970');
    expect(within(grid).getByText('Product 21379')).toBeTruthy();
    expect(within(grid).getByText('Similarity 91%')).toBeTruthy();
    // A link or photo URL that is not http(s) is shown as plain text, never as a clickable href.
    expect(within(grid).getByText('Evil').closest('a')).toBeNull();
    expect(within(grid).queryByRole('img', { name: 'Evil' })).toBeNull();

    expect(transport.calls.find((c) => c.url === '/v1/annotate')?.headers?.Authorization).toBe('Bearer demo-token');
    expect(within(screen.getByRole('region', { name: 'Recent photos' })).getByRole('button', { name: /^Dresses, / })).toBeTruthy();
  });

  it('sends a correction with the pack labels and confirms it was saved', async () => {
    const { transport } = renderApp({});
    await choose(jpegFile());
    await screen.findByRole('region', { name: 'Annotation' });
    fireEvent.click(screen.getByText('Correct this annotation'));

    const category = await screen.findByLabelText('Category');
    await waitFor(() => expect(within(category).getByRole('option', { name: 'Tshirts' })).toBeTruthy());
    await userEvent.selectOptions(category, 'Skirts');
    await userEvent.selectOptions(screen.getByLabelText('Pattern'), 'Striped');
    await userEvent.selectOptions(screen.getByLabelText('Colour 1'), 'navy');
    await userEvent.click(screen.getByRole('button', { name: 'Send correction' }));

    expect(await screen.findByText('Correction saved. Thank you: the shop looks at it before it changes anything.')).toBeTruthy();
    const sent = transport.calls.find((c) => c.url === '/v1/feedback')!.body as FormData;
    expect(JSON.parse(sent.get('correction') as string)).toMatchObject({
      category: 'Skirts',
      attributes: { gender: 'Women', usage: 'Casual', pattern: 'Striped' },
      colors: ['navy', 'white'],
      original: { category: 'Dresses' },
    });
    expect(sent.get('image')).toBeInstanceOf(Blob);
  });

  it('opens Settings when the site has no public demo, and uses the pasted key', async () => {
    const { transport, storage } = renderApp({
      'POST /v1/web/session': () => json(404, { error: { code: 'route_not_found', message: 'x' } }),
    });
    expect(await screen.findByText(/This site has no public demo/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('API key'), 'kalas_key_1');
    await userEvent.click(screen.getByRole('button', { name: 'Save key' }));
    expect(storage.getItem('kalas-iris:api-key')).toBe('kalas_key_1');
    await choose(jpegFile());
    await screen.findByRole('region', { name: 'Annotation' });
    expect(transport.calls.find((c) => c.url === '/v1/annotate')?.headers?.Authorization).toBe('Bearer kalas_key_1');
  });

  it.each([
    [
      'an invalid key',
      { 'POST /v1/annotate': () => json(401, { error: { code: 'invalid_key', message: 'x' } }) },
      'The service did not accept the API key',
      'Open settings',
    ],
    [
      'a rate limit',
      { 'POST /v1/annotate': () => json(429, { error: { code: 'rate_limited', message: 'x' } }, '30') },
      'Too many requests right now. Try again in 30 seconds.',
      'Try again',
    ],
    [
      'an unreachable service',
      { 'POST /v1/annotate': () => Promise.reject(unreachable()) },
      'The Kalas Iris service cannot be reached.',
      'Try again',
    ],
    [
      'an unexpected failure',
      { 'POST /v1/annotate': () => Promise.reject(new TypeError('x is undefined')) },
      'Something went wrong.',
      'Try again',
    ],
  ] as const)('shows its own message for %s', async (_name, handlers, message, action) => {
    const storage = memoryStorage();
    storage.setItem('kalas-iris:api-key', 'k');
    renderApp(handlers as Record<string, Handler>, storage);
    await choose(jpegFile());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(within(alert).getByRole('button', { name: action })).toBeTruthy();
    expect(alert.textContent).not.toMatch(/Error:|at .*\.(ts|js)/);
  });

  it('refuses a non-image and a too-large file before uploading', async () => {
    const { transport } = renderApp({});
    await choose(new File(['plain text'], 'notes.txt', { type: 'text/plain' }));
    expect((await screen.findByRole('alert')).textContent).toContain('“notes.txt” is not a photo.');
    await choose(jpegFile('huge.jpg', 21 * 1024 * 1024));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The photo is 21.0 MB; the limit is 20 MB.'));
    expect(transport.calls.some((c) => c.url === '/v1/annotate')).toBe(false);
  });

  it('takes a dropped or pasted photo like a chosen one', async () => {
    const { transport } = renderApp({});
    fireEvent.drop(screen.getByRole('region', { name: 'Photo of a clothing item' }), {
      dataTransfer: { files: [jpegFile('dropped.jpg')] },
    });
    await screen.findByRole('region', { name: 'Annotation' });
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { files: [jpegFile('pasted.jpg')] } });
    document.dispatchEvent(paste);
    await waitFor(() => expect(transport.calls.filter((c) => c.url === '/v1/annotate')).toHaveLength(2));
    expect(paste.defaultPrevented).toBe(true);
  });

  it('reopens and deletes history entries', async () => {
    renderApp({});
    await choose(jpegFile());
    await screen.findByRole('region', { name: 'Annotation' });
    const history = screen.getByRole('region', { name: 'Recent photos' });
    await userEvent.click(within(history).getByRole('button', { name: /^Dresses, / }));
    expect(screen.getByText('To correct this annotation, choose the photo again.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Similar items' })).getByText('Red midi dress')).toBeTruthy();
    await userEvent.click(within(history).getByRole('button', { name: /^Delete Dresses/ }));
    expect(within(history).getByText('No photos yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Annotation' })).toBeNull();
  });
});
