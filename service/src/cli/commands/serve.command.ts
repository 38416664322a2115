import type { Command } from "commander";

import { readConfig } from "../../config.js";
import { log } from "../../log.js";
import { startServer } from "../../server.js";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("start the HTTP service (HOST, PORT, DATA_DIR, MODEL_PACK)")
    .option("--host <host>")
    .option("--port <port>")
    .action(async (o: { host?: string; port?: string }) => {
      const config = readConfig();
      if (o.host) config.host = o.host;
      if (o.port) config.port = Number(o.port);
      const { close } = await startServer(config);
      const stop = async (signal: string) => {
        log.info("shutting down", { signal });
        await close();
        process.exit(0);
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
    });
}
