/**
 * Starts the HTTP service: warms the model up, opens the key store, listens, and shuts down
 * cleanly (saving every shop's index) on SIGINT/SIGTERM.
 */
import type { Server } from "node:http";

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
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.on("error", reject);
  });
  server.requestTimeout = 60_000;
  log.info("kalas-iris listening", {
    url: `http://${config.host}:${config.port}`,
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
