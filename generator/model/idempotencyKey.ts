import type { HttpMethod, ParameterModel } from "./apiModel.js";

/**
 * The idempotency-key header family: `Idempotency-Key` (Stripe, Adyen, GoCardless, …), `X-Idempotency-Key`,
 * `Cko-Idempotency-Key`, `I-Twilio-Idempotency-Token`, `Idempotent-Key`, `idempotency_id`.
 */
const family = /idempoten(?:cy|t)[-_]?(?:key|token|id)$/i;

/** Methods that are not idempotent: the writes a configured idempotency header applies to. */
const writes: readonly HttpMethod[] = ["POST", "PATCH"];

export interface IdempotencyKey {
  /** The header carrying one key per call; absent when the operation has none. */
  header?: string;
  parameters: ParameterModel[];
}

/**
 * The header an operation's idempotency key travels in: the header parameter of the family it declares,
 * else, for a write, the one the API's settings name. The runtime mints a key per call when the caller
 * passes none, so a declared one is optional in the params, whatever the spec says.
 */
export function idempotencyKey(parameters: ParameterModel[], method: HttpMethod, configured: string | undefined): IdempotencyKey {
  const declared = parameters.find((parameter) => parameter.in === "header" && family.test(parameter.wireName));
  if (declared !== undefined) {
    const minted = "Minted per call (`crypto.randomUUID()`) when omitted; the same key goes with every retry.";
    const optional = { ...declared, required: false, doc: { ...declared.doc, description: joinText(declared.doc.description, minted) } };
    return { header: declared.wireName, parameters: parameters.map((parameter) => (parameter === declared ? optional : parameter)) };
  }
  return configured !== undefined && writes.includes(method) ? { header: configured, parameters } : { parameters };
}

function joinText(first: string | undefined, second: string): string {
  return first === undefined || first.trim() === "" ? second : `${first.trimEnd()}\n\n${second}`;
}
