import type { PagingScheme } from "../model/apiModel.js";

/** A paging scheme as API.md and change reports say it: "paged by the Link header". */
export function pagingLabel(scheme: PagingScheme): string {
  const labels: Record<PagingScheme, string> = {
    cursor: "cursor",
    offset: "offset",
    page: "page number",
    nextUrl: "next-page URL in the body",
    link: "the Link header",
  };
  return `paged by ${labels[scheme]}`;
}
