import type { ShopApi } from "./shop-api.js";
import type { Stack } from "./stack-env.js";

/** The plugin's settings (plugin/src/Settings/SettingsSchema.php); the API key is write-only. */
export interface KalasSettings {
  service_url: string;
  api_key: string;
  mode: "auto" | "review";
  thresholds: Record<string, number>;
  tag_fields: string[];
  attribute_fields: string[];
  set_category: boolean;
  protect_manual: boolean;
}

/**
 * What the flows write, unless a flow says otherwise: every label the pack is sure of, the
 * colour as the Color attribute, and the category set.
 */
export const FLOW_SETTINGS: Omit<KalasSettings, "service_url" | "api_key"> = {
  mode: "auto",
  thresholds: { default: 0.5, category: 0.5, color: 0.15 },
  tag_fields: ["usage", "season", "gender"],
  attribute_fields: ["color", "pattern"],
  set_category: true,
  protect_manual: true,
};

/** Reads and writes the plugin settings through its REST route, as the admin UI does. */
export class PluginSettings {
  constructor(
    private readonly stack: Stack,
    private readonly shop: ShopApi,
  ) {}

  /** Points the plugin at the stack's service with FLOW_SETTINGS plus `overrides`. */
  async connect(overrides: Partial<KalasSettings> = {}): Promise<void> {
    await this.shop.plugin("POST", "/settings", {
      service_url: this.stack.serviceUrlForShop,
      api_key: this.stack.serviceKey,
      ...FLOW_SETTINGS,
      ...overrides,
    });
  }

  async read(): Promise<Partial<KalasSettings>> {
    return this.shop.plugin<Partial<KalasSettings>>("GET", "/settings");
  }
}
