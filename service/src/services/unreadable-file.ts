/**
 * Why a file could not be read, in the words a report of failed rows and the command line share
 * ("<file>: no such file."); other errors keep their own message.
 */
export function unreadableFile(e: NodeJS.ErrnoException): string | null {
  return e?.code === "ENOENT" ? "no such file." : e?.code === "EISDIR" ? "a folder, not a file." : null;
}
