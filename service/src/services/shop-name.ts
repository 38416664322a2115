/** What a shop may be called: it names a folder under DATA_DIR, so nothing that could leave it. */
import { AppError } from "../errors.js";

const SHOP_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function checkShopName(name: string): string {
  if (!SHOP_NAME.test(name))
    throw new AppError(
      400,
      "invalid_request",
      "A shop name is 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit.",
    );
  return name;
}
