/**
 * The OpenAPI 3.1 document of the /v1 API. A test walks the Express router and checks that every
 * route is documented here and every documented route exists.
 */
const image = {
  required: true,
  content: {
    "image/*": { schema: { type: "string", format: "binary" } },
    "multipart/form-data": { schema: { type: "object", properties: { image: { type: "string", format: "binary" } }, required: ["image"] } },
  },
};
const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const ok = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const imageErrors = {
  "400": err("empty_body, not_an_image, truncated_image, unsupported_format"),
  "401": err("missing_key, invalid_key"),
  "413": err("image_too_large, too_many_pixels"),
  "415": err("unsupported_media_type"),
  "429": err("rate_limited (Retry-After)"),
  "503": err("overloaded (Retry-After)"),
};
const id = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{1,128}$" } };
const feedbackId = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[0-9]+$" } };
const k = { name: "k", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 8 } };
const similar = { $ref: "#/components/schemas/SimilarList" };

const document = {
  openapi: "3.1.0",
  info: { title: "Kalas Iris service", version: "1.0.0", description: "Fashion annotation and similar-item search for WooCommerce shops." },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }],
  paths: {
    "/v1/health": { get: { summary: "Liveness", security: [], responses: { "200": ok({ type: "object" }) } } },
    "/v1/health/ready": {
      get: {
        summary: "Readiness: the model is loaded",
        security: [],
        responses: { "200": ok({ type: "object" }), "503": err("model_unavailable") },
      },
    },
    "/v1/openapi.json": { get: { summary: "This document", security: [], responses: { "200": ok({ type: "object" }) } } },
    "/v1/web/session": {
      post: {
        summary: "Short-lived token for the public try-it page",
        security: [],
        responses: { "200": ok({ type: "object" }), "404": err("web_sessions_disabled") },
      },
    },
    "/v1/model": { get: { summary: "The loaded model pack", responses: { "200": ok({ type: "object" }) } } },
    "/v1/annotate": {
      post: {
        summary: "Annotate one image",
        requestBody: image,
        responses: { "200": ok({ $ref: "#/components/schemas/Annotation" }), ...imageErrors },
      },
    },
    "/v1/similar": {
      post: {
        summary: "Products nearest to an uploaded image",
        parameters: [k],
        requestBody: image,
        responses: {
          // The photo's own annotation comes along: it was computed to re-rank the neighbours.
          "200": ok({ allOf: [similar, { type: "object", properties: { annotation: { $ref: "#/components/schemas/Annotation" } } }] }),
          ...imageErrors,
        },
      },
    },
    "/v1/products/{id}": {
      put: {
        summary: "Upsert a product into the similar-items index",
        parameters: [id],
        requestBody: {
          required: true,
          content: {
            ...image.content,
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  image_url: { type: "string" },
                  name: { type: "string" },
                  permalink: { type: "string" },
                  labels: { type: "object" },
                },
                required: ["image_url"],
              },
            },
          },
        },
        responses: {
          "200": ok({ type: "object" }),
          ...imageErrors,
          "400": err("invalid_request, url_not_allowed, fetch_failed, empty_body, not_an_image, truncated_image, unsupported_format"),
        },
      },
      get: {
        summary: "One indexed product",
        parameters: [id],
        responses: { "200": ok({ type: "object" }), "404": err("product_not_found") },
      },
      delete: {
        summary: "Remove a product",
        parameters: [id],
        responses: { "200": ok({ type: "object" }), "404": err("product_not_found") },
      },
    },
    "/v1/products/{id}/similar": {
      get: {
        summary: "Products nearest to a product",
        parameters: [id, k],
        responses: {
          "200": ok(similar),
          "404": err("product_not_found"),
          "409": err("product_stale: indexed with another model pack; index it again"),
        },
      },
    },
    "/v1/feedback": {
      post: {
        summary: "Store a person's corrected labels",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/Feedback" } },
            "multipart/form-data": {
              schema: { type: "object", properties: { image: { type: "string", format: "binary" }, correction: { type: "string" } } },
            },
          },
        },
        responses: {
          "201": ok({
            type: "object",
            required: ["id", "stored", "review", "learns"],
            properties: {
              id: { type: "integer" },
              stored: { type: "boolean", enum: [true] },
              review: { type: "string", enum: ["pending"] },
              learns: {
                type: "boolean",
                description: "whether it acts on the shop's predictions now (not for a web session's, until accepted)",
              },
            },
          }),
          "400": err("invalid_request"),
          "404": err("product_not_found"),
          "409": err("product_stale: the product was indexed with another model pack"),
          "413": err("body_too_large, image_too_large"),
          "429": err("rate_limited (Retry-After); review_queue_full: a web session's, while 1,000 from the page wait for review"),
        },
      },
      get: {
        summary: "The shop's stored corrections, newest first, filtered by source and review",
        parameters: [
          { name: "source", in: "query", schema: { enum: ["web", "key"] } },
          { name: "review", in: "query", schema: { enum: ["pending", "accepted", "rejected"] } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 50 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, maximum: 999999999, default: 0 } },
        ],
        responses: { "200": ok({ $ref: "#/components/schemas/FeedbackList" }), "400": err("invalid_request") },
      },
    },
    "/v1/feedback/{id}": {
      patch: {
        summary: "Accept or reject a correction, or put it back to pending (not with a web session)",
        parameters: [feedbackId],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", properties: { review: { enum: ["accepted", "rejected", "pending"] } }, required: ["review"] },
            },
          },
        },
        responses: {
          "200": ok({ $ref: "#/components/schemas/FeedbackItem" }),
          "400": err("invalid_request, invalid_json"),
          "403": err("forbidden: a web session token"),
          "404": err("feedback_not_found"),
        },
      },
      delete: {
        summary: "Delete a correction, and its photo unless another correction came with the same one (not with a web session)",
        parameters: [feedbackId],
        responses: {
          "200": ok({ type: "object", properties: { id: { type: "integer" }, deleted: { type: "boolean", enum: [true] } } }),
          "403": err("forbidden: a web session token"),
          "404": err("feedback_not_found"),
        },
      },
    },
    "/v1/feedback/{id}/image": {
      get: {
        summary: "The photo a correction was sent with (not with a web session)",
        parameters: [
          feedbackId,
          {
            name: "max",
            in: "query",
            description: "a JPEG thumbnail that fits a square of this side, instead of the photo as stored",
            schema: { type: "integer", minimum: 16, maximum: 2048 },
          },
        ],
        responses: {
          "200": {
            description: "The stored bytes, Cache-Control: private, max-age=3600",
            content: { "image/*": { schema: { type: "string", format: "binary" } } },
          },
          "403": err("forbidden: a web session token"),
          "404": err("feedback_not_found, image_not_found (the correction named an indexed product, or its photo is gone)"),
        },
      },
    },
    "/v1/shop/woocommerce": {
      put: {
        summary: "Store the shop's WooCommerce REST credentials",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { url: { type: "string" }, consumer_key: { type: "string" }, consumer_secret: { type: "string" } },
                required: ["url", "consumer_key", "consumer_secret"],
              },
            },
          },
        },
        responses: { "200": ok({ type: "object" }), "400": err("invalid_request"), "413": err("body_too_large") },
      },
      get: { summary: "Whether the shop gave its WooCommerce credentials", responses: { "200": ok({ type: "object" }) } },
    },
    "/v1/products/{id}/apply": {
      post: {
        summary:
          "Write an annotation back to the WooCommerce product (tags, global attributes, category), never removing a person's labels",
        parameters: [id],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  annotation: { $ref: "#/components/schemas/Annotation" },
                  options: {
                    type: "object",
                    properties: {
                      tagFields: { type: "array", items: { type: "string" } },
                      attributeFields: { type: "array", items: { type: "string" } },
                      setCategory: { type: "boolean" },
                      protectManual: { type: "boolean" },
                      thresholds: { type: "object" },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": ok({ type: "object" }),
          "400": err("invalid_request: a malformed annotation or options"),
          "404": err("product_not_found, woocommerce_not_found"),
          "409": err("woocommerce_not_connected"),
          "502": err("woocommerce_auth, woocommerce_rejected, woocommerce_unreachable, woocommerce_failed"),
        },
      },
    },
    "/v1/learn": {
      get: {
        summary: "What the shop has learned of its own labels, and whether it is learning",
        responses: { "200": ok({ $ref: "#/components/schemas/LearnStatus" }) },
      },
      post: {
        summary: "Learn the shop's own labels from its products and corrections",
        responses: {
          "200": ok({
            type: "object",
            required: ["fields", "corrections", "removed"],
            properties: {
              fields: { type: "object", description: "By field learned: labels, examples, holdout_accuracy, seconds" },
              corrections: { type: "integer" },
              removed: { type: "array", items: { type: "string" }, description: "Fields whose heads were removed" },
              note: { type: "string", description: "Why nothing was learned, when nothing was" },
            },
          }),
        },
      },
    },
    "/v1/labels": {
      put: {
        summary: "Set the shop's own labels of indexed products, without their photos (up to 1,000 per request)",
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["items"],
                properties: {
                  items: {
                    type: "array",
                    minItems: 1,
                    maxItems: 1000,
                    items: {
                      type: "object",
                      required: ["id", "labels"],
                      properties: { id: { type: "string" }, labels: { type: "object", additionalProperties: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": ok({
            type: "object",
            properties: { updated: { type: "integer" }, missing: { type: "array", items: { type: "string" } } },
          }),
          "400": err("invalid_request: no items, over 1,000, an item without id or labels, a repeated id, a bad label"),
          "413": err("body_too_large"),
        },
      },
    },
    "/v1/reindex": {
      post: {
        summary: "After a model update: analyse again, in the background, the products another model indexed",
        responses: { "202": ok({ $ref: "#/components/schemas/ReindexProgress" }) },
      },
      get: { summary: "Progress of the shop's reindex run", responses: { "200": ok({ $ref: "#/components/schemas/ReindexProgress" }) } },
    },
  } as Record<string, Record<string, unknown>>,
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      ReindexProgress: {
        type: "object",
        properties: {
          state: { enum: ["idle", "running", "done"] },
          total: { type: "integer" },
          done: { type: "integer" },
          failed: { type: "integer" },
          started_at: { type: ["string", "null"] },
          finished_at: { type: ["string", "null"] },
          report: { type: ["object", "null"] },
          stale_now: { type: "integer" },
        },
      },
      Error: {
        type: "object",
        properties: {
          error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] },
        },
      },
      Prediction: {
        type: "object",
        properties: {
          label: { type: "string" },
          score: { type: "number" },
          confident: { type: "boolean" },
          alternatives: { type: "array", items: { type: "object" } },
        },
      },
      Annotation: {
        type: "object",
        properties: {
          category: { oneOf: [{ $ref: "#/components/schemas/Prediction" }, { type: "null" }] },
          color: { $ref: "#/components/schemas/Prediction" },
          attributes: { type: "object", additionalProperties: { $ref: "#/components/schemas/Prediction" } },
          colors: {
            type: "array",
            items: { type: "object", properties: { name: { type: "string" }, hex: { type: "string" }, share: { type: "number" } } },
          },
          model: { type: "object", properties: { name: { type: "string" }, version: { type: "string" } } },
          timing_ms: { type: "number" },
          shop: { type: "object", additionalProperties: { $ref: "#/components/schemas/Prediction" } },
        },
      },
      SimilarList: {
        type: "object",
        properties: {
          items: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                score: { type: "number" },
                name: { type: ["string", "null"] },
                permalink: { type: ["string", "null"] },
                image_url: { type: ["string", "null"] },
              },
            },
          },
        },
      },
      FeedbackItem: {
        type: "object",
        required: ["id", "product_id", "has_image", "correction", "original", "source", "review", "learns", "created_at"],
        properties: {
          id: { type: "integer" },
          product_id: { type: ["string", "null"] },
          has_image: { type: "boolean" },
          correction: { type: "object" },
          original: {},
          source: { enum: ["web", "key"] },
          review: { enum: ["pending", "accepted", "rejected"] },
          learns: { type: "boolean", description: "Whether it takes part in the shop's predictions and learning now" },
          created_at: { type: "string" },
        },
      },
      LearnStatus: {
        type: "object",
        required: ["fields", "running", "next_run_at"],
        properties: {
          fields: {
            type: "object",
            additionalProperties: {
              type: "object",
              required: ["labels", "examples", "holdout_accuracy", "trained_at", "stale"],
              properties: {
                labels: { type: "array", items: { type: "string" } },
                examples: { type: "integer", description: "Labelled products and corrections it learned from" },
                holdout_accuracy: { type: ["number", "null"], description: "Top-1 on the fifth set aside while learning" },
                trained_at: { type: "string" },
                stale: {
                  type: "boolean",
                  description: "Learned with another model pack: it predicts nothing until learned again (after a reindex, by itself)",
                },
              },
            },
          },
          running: { type: "boolean" },
          next_run_at: { type: ["string", "null"], description: "When it learns again by itself for changed corrections" },
        },
      },
      FeedbackList: {
        type: "object",
        required: ["items", "total"],
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/FeedbackItem" } },
          total: { type: "integer", description: "Corrections matching the filters, over all pages" },
        },
      },
      Feedback: {
        type: "object",
        properties: {
          product_id: { type: "string" },
          category: { type: "string" },
          attributes: { type: "object" },
          colors: { type: "array", items: { type: "string" } },
          labels: { type: "object" },
          original: { type: "object" },
        },
      },
    },
  },
};

/**
 * Every operation that needs a key can also be refused for the key (401), for a web session's token
 * on a route it may not use (403), or for the rate (429): written once here rather than per route,
 * where most operations had left them out.
 */
function withAuthErrors<T extends { paths: Record<string, Record<string, unknown>> }>(doc: T): T {
  type Operation = { security?: unknown[]; responses: Record<string, unknown> };
  for (const operations of Object.values(doc.paths)) {
    for (const op of Object.values(operations) as Operation[]) {
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      op.responses = {
        "401": err("missing_key, invalid_key"),
        "403": err("forbidden: a web session token on a route it may not use"),
        "429": err("rate_limited (Retry-After)"),
        ...op.responses,
      };
    }
  }
  return doc;
}

export const openapiDocument = withAuthErrors(document);
