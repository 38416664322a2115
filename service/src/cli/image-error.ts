/**
 * The service's image errors are worded for HTTP clients ("the body is empty"). On the command
 * line the image is a file, so the same failures are said about the file. The API keeps its words.
 */
import { isAppError } from "../errors.js";
import { unreadableFile } from "../services/unreadable-file.js";

const FORMATS = "JPEG, PNG, WebP, GIF, AVIF or TIFF";

/** Why a file could not be used as an image, as a sentence to put after "<file>: ". */
export function imageProblem(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const unreadable = unreadableFile(err);
  if (unreadable) return unreadable;
  if (isAppError(e)) {
    if (e.code === "empty_body") return "the file is empty.";
    // The header check names the formats; a failed decode gives the decoder's reason instead.
    if (e.code === "not_an_image") return `not an image that can be read (${e.detail ?? FORMATS}).`;
  }
  return err?.message ?? String(e);
}

/** The error to throw when a command's one image cannot be used. */
export function imageError(file: string, e: unknown): Error {
  return new Error(`${file}: ${imageProblem(e)}`);
}
