// The opening of a self-contained page (the run report, the plan report): doctype, charset, viewport, a content
// security policy that forbids every network fetch, the title and the inline stylesheet.
import { html, trusted, type SafeHtml } from './html.js';

/** For pages with inline scripts (the run report, the trainer view): nothing may be fetched, only inline code runs. */
export const SCRIPTED_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function pageHead(title: string, css: string, contentSecurityPolicy: string): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<title>${title}</title>
<style>${trusted(css)}</style>
</head>`;
}
