/** The ways a list can page (issue 21); the config names them, the model decides one, the runtime follows it. */
export const pagingSchemes = ["cursor", "offset", "page", "nextUrl", "link"] as const;

export type PagingScheme = (typeof pagingSchemes)[number];

/** Per operation (`"GET /v1/customers"`), from clientgen.config.json: force a scheme, or turn paging off. */
export type PagingSetting = PagingScheme | "off";
