/**
 * What a shop has learned and whether it is learning: for an admin screen that says "learned 43
 * categories at 10:02, learning again shortly with new corrections", since learning also runs by
 * itself (relearn.service.ts) and not only when someone asks.
 */
import type { LearnStatus } from "../openapi/answers.js";
import { isLearning, learnedFields, noticeOtherProcessCommits } from "./learn.service.js";
import { nextRelearn } from "./relearn.service.js";
import type { Shop } from "./shops.service.js";

export function learnStatus(shop: Shop): LearnStatus {
  // A review just made with the command line shows as a waiting run, without the watch's delay.
  noticeOtherProcessCommits(shop);
  return {
    fields: learnedFields(shop),
    running: isLearning(shop),
    next_run_at: nextRelearn(shop)?.toISOString() ?? null,
  };
}
