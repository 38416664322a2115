import { KalasClient } from '../api/client';
import { xhrTransport } from '../api/http';
import { Credentials } from '../auth/credentials';
import { HistoryStore } from '../history/history.store';
import { browserCodec } from '../image/browser-codec';
import type { AppDeps } from './App';

/** The real browser implementations of everything App needs; tests pass their own. */
export function browserDeps(): AppDeps {
  const credentials = new Credentials(xhrTransport, localStorage);
  return {
    credentials,
    client: new KalasClient(xhrTransport, credentials),
    history: new HistoryStore(localStorage),
    codec: browserCodec,
  };
}
