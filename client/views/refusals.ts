// A refused command in the reader's language: the sentence of namespace "refusals" for the refusal
// code (client/i18n/refusals.ts), else the server's own English reason. Without i18next or DOM: the
// caller passes its t and exists functions (i18next.t and i18next.exists).

/** The i18next key of a refusal code: "order/not_your_unit" -> "refusals:order_not_your_unit". */
export const refusalKey = (code: string): string => `refusals:${code.replaceAll("/", "_")}`;

export function refusalText(
  code: string,
  reason: string,
  t: (key: string, opts?: Record<string, unknown>) => string,
  exists: (key: string) => boolean,
): string {
  const key = refusalKey(code);
  return code && exists(key) ? t(key, { reason }) : reason;
}
