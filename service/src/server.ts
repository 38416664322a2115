/**
 * Starts the HTTP service: warms the model up, opens the key store, listens, and shuts down
 * cleanly (saving every shop's index) on SIGINT/SIGTERM.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { createApp } from "./app.js";
import { readConfig, type Config } from "./config.js";
import type { AppContext } from "./http/context.js";
import { log } from "./log.js";
import { KeysRepository } from "./repositories/keys.repository.js";
import { configureModel, getModel } from "./services/model.service.js";
import { openShops } from "./services/open-shops.js";
import { configureRelearn } from "./services/relearn.service.js";

export async function startServer(config: Config = readConfig()): Promise<{ server: Server; ctx: AppContext; close: () => Promise<void> }> {
  configureModel(config.pack);
  configureRelearn(config.learnAfterCorrectionsSeconds);
  const model = await getModel();
  // Warm-up: the first run of an ONNX session allocates its buffers; do it before traffic arrives.
  await model.embed([
    {
      data: new Uint8Array(model.manifest.encoder.size ** 2 * 3).fill(255),
      width: model.manifest.encoder.size,
      height: model.manifest.encoder.size,
    },
  ]);
  const ctx: AppContext = {
    config,
    keys: new KeysRepository(config.dataDir),
    shops: openShops(config, async () => model.vectorSpace),
  };
  const app = createApp(ctx);
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      // Express 5 hands a failure to listen to this callback: ignoring its argument reported
      // "listening" on a busy port, and the process then exited 0, which no supervisor restarts.
      const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
  } catch (e) {
    ctx.shops.closeAll();
    ctx.keys.close();
    throw listenError(e as NodeJS.ErrnoException, config);
  }
  server.requestTimeout = 60_000;
  log.info("kalas-iris listening", {
    // The port it got: with PORT=0 the system picks one.
    url: `http://${config.host}:${(server.address() as AddressInfo).port}`,
    pack: `${model.manifest.name}@${model.manifest.version}`,
    dataDir: config.dataDir,
  });
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    ctx.shops.closeAll();
    ctx.keys.close();
  };
  return { server, ctx, close };
}

/** A failure to listen as the person starting the service can act on it. */
function listenError(e: NodeJS.ErrnoException, config: Config): Error {
  const where = `${config.host}:${config.port}`;
  if (e.code === "EADDRINUSE")
    return new Error(`${where} is already in use: stop what listens there, or set PORT (or --port) to another port`);
  if (e.code === "EACCES") return new Error(`listening on ${where} is not permitted: use a port above 1023, or run as a user allowed to`);
  if (e.code === "EADDRNOTAVAIL") return new Error(`${config.host} is not an address of this machine: set HOST (or --host) to one`);
  return e;
}
