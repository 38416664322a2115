// Entry of the label-head worker thread. On Node 20 a worker does not inherit the main thread's tsx
// loader (bin/kalas-iris.js registers it there), so the worker registers it before loading TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./label-head.worker.ts");
