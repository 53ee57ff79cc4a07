import { createHash } from 'node:crypto';

/** The few pages the workshop host writes itself (the app is served from the web build). */
const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}button{font:inherit;margin-top:1rem;padding:.5rem 1rem}';

/** The join page's policy: nothing but its own inline style (by hash) and its form, back to this host; never framed. */
export const JOIN_PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function joinPage({ title, message, code = '' }: { title: string; message: string; code?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Archipelago workshop</title>
<style>${STYLE}</style>
</head><body>
<h1>${escape(title)}</h1>
<p role="status">${escape(message)}</p>
<form method="get" action="/join">
<label for="code">Join code</label><input id="code" name="code" autocomplete="off" autocapitalize="characters" maxlength="9" required value="${escape(code)}">
<label for="name">Your name</label><input id="name" name="name" maxlength="60" required>
<button type="submit">Join the workshop</button>
</form>
</body></html>
`;
}
