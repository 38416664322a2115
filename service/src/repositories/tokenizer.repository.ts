/**
 * Wraps @huggingface/tokenizers, loading tokenizer.json and tokenizer_config.json from a local
 * folder (never from the Hub), for the text side of CLIP/SigLIP packs.
 */
import fs from "node:fs";
import path from "node:path";

import { Tokenizer } from "@huggingface/tokenizers";

export interface TextTokenizer {
  /** Token ids padded or truncated to `maxLength`, with the matching attention mask. */
  encode(text: string, maxLength: number, padId: number): { ids: number[]; mask: number[] };
}

export function loadTokenizer(dir: string): TextTokenizer {
  const json = JSON.parse(fs.readFileSync(path.join(dir, "tokenizer.json"), "utf8")) as object;
  const cfgFile = path.join(dir, "tokenizer_config.json");
  const config = fs.existsSync(cfgFile) ? (JSON.parse(fs.readFileSync(cfgFile, "utf8")) as object) : {};
  const tokenizer = new Tokenizer(json, config);
  return {
    encode(text, maxLength, padId) {
      const ids = tokenizer.encode(text).ids.slice(0, maxLength);
      const mask = ids.map(() => 1);
      while (ids.length < maxLength) {
        ids.push(padId);
        mask.push(0);
      }
      return { ids, mask };
    },
  };
}
