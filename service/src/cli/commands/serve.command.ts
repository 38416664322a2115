import type { Command } from "commander";

import { readConfig } from "../../config.js";
import { log } from "../../log.js";
import { startServer } from "../../server.js";
import { positiveInt } from "../checks.js";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("start the HTTP service (HOST, PORT, DATA_DIR, MODEL_PACK)")
    .option("--host <host>")
    .option("--port <port>", "port to listen on, 1 to 65535")
    .action(async (o: { host?: string; port?: string }) => {
      const config = readConfig();
      if (o.host) config.host = o.host;
      if (o.port) config.port = positiveInt("--port", o.port, 65535);
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
