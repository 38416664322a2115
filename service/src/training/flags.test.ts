import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

import { datasetsDir, parseFlags } from "./flags.js";

describe("command-line flags of training, eval and bench", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads --name value pairs", () => {
    expect(parseFlags(["--datasets", "d", "--pack", "p"])).toEqual({ datasets: "d", pack: "p" });
  });

  it("reads a relative datasets path from where npm was started, not from service/", () => {
    vi.stubEnv("INIT_CWD", "/home/shop/kalas-iris");
    expect(datasetsDir("../shared/datasets")).toBe("/home/shop/shared/datasets");
    expect(datasetsDir("/data/sets")).toBe("/data/sets");
  });

  it("defaults to KALAS_SHARED_DIR's datasets, else the shared folder beside the repository", () => {
    vi.stubEnv("KALAS_SHARED_DIR", "/mnt/shared");
    expect(datasetsDir(undefined)).toBe("/mnt/shared/datasets");
    vi.stubEnv("KALAS_SHARED_DIR", "");
    const repo = path.resolve(import.meta.dirname, "../../..");
    expect(datasetsDir(undefined)).toBe(path.resolve(repo, "../shared/datasets"));
  });
});
