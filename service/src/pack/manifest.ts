/**
 * The model pack format: a folder with `manifest.json` and the files it names.
 *
 * A pack describes one image encoder and everything needed to turn its embedding into labels:
 * linear heads trained on labelled photos, or text embeddings of label prompts (CLIP/SigLIP-style
 * zero-shot heads). Shop-specific heads learned later use the same head format.
 */
export const PACK_FORMAT = "kalas-iris-pack/1";

export interface EncoderSpec {
  /** ONNX file, relative to the pack folder. */
  file: string;
  input: string;
  output: string;
  /** Square input side in pixels. */
  size: number;
  /** How a non-square photo is made square: pad on `padColor` (product photos) or centre-crop. */
  fit: "pad" | "crop";
  padColor: [number, number, number];
  /** Pixel p (0..255) becomes (p / 255 - mean[c]) / std[c], channels RGB, layout NCHW. */
  mean: [number, number, number];
  std: [number, number, number];
  sha256?: string;
}

/** How raw embeddings are prepared for heads and search: optional sqrt, centring, projection, L2. */
export interface FeatureSpec {
  sqrt: boolean;
  /** Float32 file with `dim` values subtracted before the heads and projection, or absent. */
  mean?: string;
  /** Float32 file, row-major [searchDim x dim], projecting features to the search vector. */
  projection?: string;
  searchDim?: number;
  /** Average each photo's features with its mirror image's (test-time augmentation); doubles the encoder's work. */
  mirror?: boolean;
}

export interface HeadSpec {
  /** `category`, or an attribute group such as `pattern`, `sleeve`, `gender`, `usage`. */
  field: string;
  kind: "linear" | "text";
  labels: string[];
  /** linear: float32 file [labels x dim] weights then [labels] biases. */
  file?: string;
  /** text: one prompt per label, embedded by the pack's text encoder or given in `textEmbeddings`. */
  prompts?: string[];
  /** Softmax temperature fitted on held-out data so scores behave like probabilities. */
  temperature?: number;
  /** Scores below this (and below 0.5 always: heads.ts CONFIDENT_FLOOR) are returned with confident=false. */
  abstain?: number;
  /**
   * Optional, for attributes: the labels of the category head whose garments the attribute was learned
   * on (sleeve length: tops). The attribute is left out of an answer when the photo is unlikely to be one.
   */
  applies_to?: string[];
  /**
   * Optional: which features the head reads; "embedding" (default) or "embedding+color": the embedding
   * followed by the garment's colour features (colors/color-features.ts, COLOR_FEATURE_DIM values).
   */
  input?: "embedding" | "embedding+color";
}

export interface TextSpec {
  /** ONNX text encoder taking `input_ids` (and `attention_mask` if listed) and giving `output`. */
  encoder?: string;
  /** Folder with tokenizer.json and tokenizer_config.json, for @huggingface/tokenizers. */
  tokenizer?: string;
  inputs?: string[];
  output?: string;
  maxLength?: number;
  /** JSON file: { "<field>": number[][] } precomputed prompt embeddings, one row per label. */
  embeddings?: string;
  logitScale: number;
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  name: string;
  version: string;
  description: string;
  license: string;
  provenance: Record<string, unknown>;
  encoder: EncoderSpec;
  embeddingDim: number;
  features: FeatureSpec;
  heads: HeadSpec[];
  text?: TextSpec;
  metrics?: Record<string, unknown>;
  /** How the encoder is produced when it is not shipped: a builder name known to `model build`. */
  build?: {
    from: "nsfwjs";
    model: "mobilenet_v2" | "inception_v3";
    /** Fine-tuned last layers (backbone-tail.ts) swapped into the package's weights before conversion. */
    tail?: string;
  };
}
