import type { Command } from "commander";

import { AppError } from "../../errors.js";
import {
  deleteFeedback,
  FEEDBACK_REVIEWS,
  FEEDBACK_SOURCES,
  listFeedback,
  parseFeedbackId,
  reviewFeedback,
} from "../../services/feedback-review.service.js";
import { oneOf, positiveInt, wholeNumber } from "../checks.js";
import type { Shop } from "../../services/shops.service.js";
import { withShop } from "./context.js";

interface ListOptions {
  shop: string;
  source?: string;
  review?: string;
  limit: string;
  offset: string;
  format: string;
}

export function feedbackCommand(program: Command): void {
  const feedback = program
    .command("feedback")
    .description("review a shop's corrections: list them, accept or reject them, or undo a review");
  feedback
    .command("list")
    .requiredOption("--shop <name>", "shop whose corrections to list (it must exist)")
    .option("--source <source>", "web (the public try-it page) or key (the shop's API key)")
    .option("--review <review>", "pending, accepted or rejected")
    .option("--limit <n>", "how many, newest first, 1 to 1000", "50")
    .option("--offset <n>", "how many of the newest to skip", "0")
    .option("--format <format>", "table or json", "table")
    .description("list the shop's corrections, newest first, and whether each takes part in predictions and learning")
    .action(async (o: ListOptions) => {
      const query = {
        source: o.source === undefined ? undefined : oneOf("--source", o.source, FEEDBACK_SOURCES),
        review: o.review === undefined ? undefined : oneOf("--review", o.review, FEEDBACK_REVIEWS),
        limit: positiveInt("--limit", o.limit, 1000),
        offset: wholeNumber("--offset", o.offset),
      };
      oneOf("--format", o.format, ["table", "json"]);
      const list = await withShop(o.shop, (shop) => listFeedback(shop, query));
      if (o.format === "json") return void process.stdout.write(JSON.stringify(list, null, 2) + "\n");
      console.table(
        list.items.map((i) => ({
          id: i.id,
          source: i.source,
          review: i.review,
          learns: i.learns,
          photo: i.has_image,
          product: i.product_id ?? "",
          correction: JSON.stringify(i.correction),
          created_at: i.created_at,
        })),
      );
      process.stderr.write(`${list.items.length} of ${list.total} shown.\n`);
    });
  for (const [name, review, what] of [
    ["accept", "accepted", "let corrections take part in the shop's predictions and learning"],
    ["reject", "rejected", "keep corrections out of the shop's predictions and learning"],
    ["pending", "pending", "undo a review: corrections wait again (those sent with the shop's key count meanwhile)"],
  ] as const) {
    byId(feedback.command(name), what, (shop, id) => {
      const item = reviewFeedback(shop, id, review);
      return `${item.review}, ${item.learns ? "takes part" : "takes no part"} in predictions and learning`;
    });
  }
  byId(feedback.command("delete"), "delete corrections and their photos (a photo that another correction came with stays)", (shop, id) => {
    deleteFeedback(shop, id);
    return "deleted";
  });
}

/**
 * A command that acts on corrections named by id, and prints a line for each. One mistyped id must
 * not stop the others: it is named at the end, the rest are done, and the exit code is 1.
 */
function byId(command: Command, what: string, act: (shop: Shop, id: string) => string): void {
  command
    .requiredOption("--shop <name>", "shop the corrections belong to (it must exist)")
    .argument("<id...>", "correction ids, as `feedback list` shows them")
    .description(what)
    .action(async (ids: string[], o: { shop: string }) => {
      const unknown: string[] = [];
      await withShop(o.shop, (shop) => {
        for (const id of distinct(ids)) {
          try {
            process.stdout.write(`correction ${id}: ${act(shop, id)}\n`);
          } catch (e) {
            if (!(e instanceof AppError && e.code === "feedback_not_found")) throw e;
            unknown.push(id);
          }
        }
      });
      if (unknown.length) {
        process.stderr.write(`kalas-iris: shop "${o.shop}" has no correction ${unknown.map(shown).join(", ")}.\n`);
        process.exitCode = 1;
      }
    });
}

/** Each id once, in the order given: "7 7" or "7 07" name one correction, reviewed and reported once. */
function distinct(ids: string[]): string[] {
  const seen = new Set<number | string>();
  return ids.filter((id) => {
    const key = parseFeedbackId(id) ?? id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An id as the sentence names it: quoted when it is empty, has spaces or commas, or is cut short. */
function shown(id: string): string {
  return /^[\w.-]{1,64}$/.test(id) ? id : JSON.stringify(id.slice(0, 64));
}
