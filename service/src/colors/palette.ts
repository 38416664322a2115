/**
 * The documented colour palette (docs/taxonomy.md): 16 basic colour names a merchant would use
 * as a filter. Each name has a display hex and a few prototypes, because one point per name
 * cannot cover light and dark shades (light grey and charcoal are both "grey").
 */
export interface PaletteColor {
  name: string;
  hex: string;
  prototypes: string[];
}

export const PALETTE: PaletteColor[] = [
  { name: "black", hex: "#1c1c1c", prototypes: ["#101010", "#262626", "#2e2e33"] },
  { name: "grey", hex: "#8e8e8e", prototypes: ["#4a4a4a", "#6e6e6e", "#8e8e8e", "#b4b4b4", "#cfcfcf"] },
  { name: "white", hex: "#f4f4f2", prototypes: ["#ffffff", "#f2f2ee", "#e6e6e2"] },
  { name: "beige", hex: "#d8c3a0", prototypes: ["#e8dcc4", "#d8c3a0", "#c2a878", "#efe3cf"] },
  { name: "brown", hex: "#7a4a2a", prototypes: ["#5a3a24", "#7a4a2a", "#9a6a40", "#3e2a1e"] },
  { name: "red", hex: "#c62828", prototypes: ["#d32f2f", "#b71c1c", "#e53935"] },
  { name: "maroon", hex: "#7a1f2b", prototypes: ["#6d1a26", "#8a2432", "#581820"] },
  { name: "pink", hex: "#f06292", prototypes: ["#f48fb1", "#ec407a", "#f8bbd0", "#d81b60"] },
  { name: "orange", hex: "#ef6c00", prototypes: ["#fb8c00", "#e65100", "#ffa040"] },
  { name: "yellow", hex: "#fbc02d", prototypes: ["#fdd835", "#f9a825", "#fff176"] },
  { name: "olive", hex: "#6b6b2a", prototypes: ["#6b6b2a", "#808040", "#55552a"] },
  { name: "green", hex: "#2e7d32", prototypes: ["#388e3c", "#1b5e20", "#66bb6a", "#2e7d32"] },
  { name: "teal", hex: "#00897b", prototypes: ["#00897b", "#26a69a", "#00695c"] },
  { name: "blue", hex: "#1e63c6", prototypes: ["#1e88e5", "#1565c0", "#64b5f6", "#4a78b0", "#3b5275", "#50698f", "#6f87a8"] },
  { name: "navy", hex: "#1f2a50", prototypes: ["#1a237e", "#1f2a50", "#283050", "#16203a"] },
  { name: "purple", hex: "#7b1fa2", prototypes: ["#7b1fa2", "#9c27b0", "#b39ddb", "#5e35b1"] },
];

export const PALETTE_NAMES = PALETTE.map((c) => c.name);
