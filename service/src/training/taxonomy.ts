/**
 * The default taxonomy and the explicit mapping of each shared dataset's labels into it.
 * Labels that map to nothing are counted and reported (docs/taxonomy.md), never guessed.
 */

/** Garment categories, grouped the way shops sell them (informed by DeepFashion's 50). */
export const CATEGORIES = [
  "T-shirts", "Polo shirts", "Long-sleeve tops", "Shirts", "Tops & blouses", "Kurtas & tunics", "Sweaters",
  "Sweatshirts & hoodies", "Jackets & coats", "Blazers", "Undershirts & vests", "Bodysuits",
  "Jeans", "Trousers", "Track pants & leggings", "Shorts", "Skirts", "Dresses",
  "Briefs & trunks", "Socks", "Sneakers & casual shoes", "Formal shoes", "Heels", "Flats", "Sandals & flip-flops",
  "Hats & caps", "Bags", "Watches", "Sunglasses", "Wallets", "Belts", "Ties", "Scarves",
] as const;

/** fashion-products-224 articleType → category. */
export const ARTICLE_TYPE_TO_CATEGORY: Record<string, string> = {
  Tshirts: "T-shirts", Shirts: "Shirts", Tops: "Tops & blouses", Tunics: "Tops & blouses", Kurtas: "Kurtas & tunics", Kurtis: "Kurtas & tunics",
  Sweaters: "Sweaters", Sweatshirts: "Sweatshirts & hoodies", Jackets: "Jackets & coats", Waistcoat: "Blazers",
  "Innerwear Vests": "Undershirts & vests", Jeans: "Jeans", Trousers: "Trousers", "Lounge Pants": "Trousers", Capris: "Trousers",
  "Track Pants": "Track pants & leggings", Leggings: "Track pants & leggings", Tights: "Track pants & leggings", Tracksuits: "Track pants & leggings",
  Shorts: "Shorts", "Lounge Shorts": "Shorts", Skirts: "Skirts", Dresses: "Dresses", Briefs: "Briefs & trunks", Trunk: "Briefs & trunks", Boxers: "Briefs & trunks",
  Socks: "Socks", "Casual Shoes": "Sneakers & casual shoes", "Sports Shoes": "Sneakers & casual shoes", "Formal Shoes": "Formal shoes",
  Heels: "Heels", Flats: "Flats", Sandals: "Sandals & flip-flops", "Flip Flops": "Sandals & flip-flops", "Sports Sandals": "Sandals & flip-flops",
  Caps: "Hats & caps", Hat: "Hats & caps", Handbags: "Bags", Backpacks: "Bags", Clutches: "Bags", "Laptop Bag": "Bags", "Duffel Bag": "Bags",
  "Messenger Bag": "Bags", Rucksacks: "Bags", "Mobile Pouch": "Bags", "Waist Pouch": "Bags", Watches: "Watches", Sunglasses: "Sunglasses",
  Wallets: "Wallets", Belts: "Belts", Ties: "Ties", Scarves: "Scarves", Mufflers: "Scarves", Stoles: "Scarves", Dupatta: "Scarves",
};

/** clothing-cc0 label → category ("Not sure", "Skip", "Other" are left out by design). */
export const CC0_LABEL_TO_CATEGORY: Record<string, string> = {
  "T-Shirt": "T-shirts", Polo: "Polo shirts", Longsleeve: "Long-sleeve tops", Shirt: "Shirts", Top: "Tops & blouses", Blouse: "Tops & blouses",
  Hoodie: "Sweatshirts & hoodies", Outwear: "Jackets & coats", Blazer: "Blazers", Undershirt: "Undershirts & vests", Body: "Bodysuits",
  Pants: "Trousers", Shorts: "Shorts", Skirt: "Skirts", Dress: "Dresses", Shoes: "Sneakers & casual shoes", Hat: "Hats & caps",
};

/** fashion-products-224 baseColour → palette name (docs/taxonomy.md lists the palette). */
export const BASE_COLOUR_TO_PALETTE: Record<string, string> = {
  Black: "black", Blue: "blue", White: "white", Grey: "grey", Brown: "brown", Red: "red", Green: "green", "Navy Blue": "navy",
  Purple: "purple", Pink: "pink", Beige: "beige", Maroon: "maroon", Yellow: "yellow", Olive: "olive", Silver: "grey", Steel: "grey",
  Orange: "orange", Cream: "beige", Tan: "brown", Charcoal: "grey", Khaki: "beige", "Off White": "white", Magenta: "pink",
  Lavender: "purple", Peach: "pink", Mustard: "yellow", Teal: "teal", "Coffee Brown": "brown", Rust: "orange", "Turquoise Blue": "teal",
  Burgundy: "maroon", "Grey Melange": "grey", Taupe: "brown", "Sea Green": "green", "Fluorescent Green": "green", Nude: "beige", Skin: "beige", Mauve: "purple",
};

export const GENDER: Record<string, string> = { Men: "Men", Women: "Women", Unisex: "Unisex", Boys: "Kids", Girls: "Kids" };
export const USAGE: Record<string, string> = { Casual: "Casual", Formal: "Formal", Sports: "Sports", Ethnic: "Ethnic", "Smart Casual": "Casual" };

/** Pattern words in product display names; the first that matches wins. */
export const PATTERN_WORDS: [RegExp, string][] = [
  [/\bstrip(e|ed|es)\b/i, "Striped"],
  [/\b(check|checked|checks|plaid)\b/i, "Checked"],
  [/\b(print|printed|graphic)\b/i, "Printed"],
  [/\b(solid|plain)\b/i, "Solid"],
];

/** Sleeve length words in display names, for tops only. */
export const SLEEVE_WORDS: [RegExp, string][] = [
  [/\b(full|long)[ -]sleeve/i, "Long sleeve"],
  [/\b(half|short)[ -]sleeve/i, "Short sleeve"],
  [/\bsleeveless\b/i, "Sleeveless"],
];

export function firstMatch(text: string, words: [RegExp, string][]): string | undefined {
  return words.find(([re]) => re.test(text))?.[1];
}
