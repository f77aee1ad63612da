import type { DemoAccount } from "./accounts";

/*
 * The demo IdP's own pages. oidc-provider's built-in pages pull a Google font, and these machines
 * (and many company networks) cannot reach it, so everything here is self-contained: inline CSS,
 * no fonts, scripts or images.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2937; --muted: #4b5563; --line: #d1d5db; --focus: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f3f4f6; }
.demo-banner { margin: 0; padding: 0.9rem 1rem; background: #b91c1c; color: #fff; font-size: 1.2rem; font-weight: 700; text-align: center; border-bottom: 6px solid #f59e0b; }
.demo-banner small { display: block; font-size: 0.9rem; font-weight: 400; }
main { max-width: 34rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
p { color: var(--muted); margin: 0 0 1rem; }
fieldset { border: 0; margin: 0; padding: 0; }
legend { font-weight: 600; margin-bottom: 0.5rem; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
button { font: inherit; cursor: pointer; }
.account { display: block; width: 100%; text-align: left; padding: 0.8rem 1rem; background: #fff; color: var(--ink); border: 1px solid var(--line); border-radius: 0.6rem; }
.account:hover { border-color: #6b7280; background: #f9fafb; }
.account .name { display: block; font-weight: 600; font-size: 1.05rem; }
.account .email { display: block; color: var(--muted); font-size: 0.9rem; }
.account .blurb { display: block; margin-top: 0.2rem; font-size: 0.9rem; }
.secondary { margin-top: 1.2rem; padding: 0.5rem 1rem; background: transparent; color: var(--ink); border: 1px solid var(--line); border-radius: 0.4rem; }
.primary { padding: 0.5rem 1rem; background: var(--focus); color: #fff; border: 1px solid var(--focus); border-radius: 0.4rem; margin-right: 0.5rem; }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
dl { margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
`;

/** Every page carries the banner, so nobody mistakes this for the company's sign-in. */
function layout(title: string, mainHtml: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Rigshare demo sign-in</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="demo-banner" role="note">Demo sign-in — not a real identity provider<small>For trying Rigshare out. Anyone can pick any account; never use this in production.</small></p>
</header>
<main>
${mainHtml}
</main>
</body>
</html>`;
}

export function accountChooserPage(opts: {
  uid: string;
  clientName: string;
  accounts: readonly DemoAccount[];
}): string {
  const uid = encodeURIComponent(opts.uid);
  const buttons = opts.accounts
    .map(
      (account) => `<li><button class="account" type="submit" name="sub" value="${escapeHtml(account.sub)}">
<span class="name">${escapeHtml(account.name)}</span>
<span class="email">${escapeHtml(account.email)}</span>
<span class="blurb">${escapeHtml(account.blurb)}</span>
</button></li>`,
    )
    .join("\n");
  return layout(
    "Choose an account",
    `<h1>Sign in to ${escapeHtml(opts.clientName)}</h1>
<p>Choose who you want to be. No password: this demo trusts whoever sits at the keyboard.</p>
<form method="post" action="/interaction/${uid}/login">
<fieldset>
<legend>Demo accounts</legend>
<ul>
${buttons}
</ul>
</fieldset>
</form>
<form method="post" action="/interaction/${uid}/abort">
<button class="secondary" type="submit">Cancel sign-in</button>
</form>`,
  );
}

export function errorPage(opts: { error: string; description?: string }): string {
  const description = opts.description
    ? `<dt>Details</dt><dd>${escapeHtml(opts.description)}</dd>`
    : "";
  return layout(
    "Sign-in error",
    `<h1>Sign-in could not continue</h1>
<p>Go back to Rigshare and start signing in again.</p>
<dl><dt>Error</dt><dd>${escapeHtml(opts.error)}</dd>${description}</dl>`,
  );
}

/**
 * `providerForm` is the hidden form oidc-provider builds (id "op.logoutForm", with its CSRF
 * token); it is the provider's own markup, so it is inserted as is.
 */
export function logoutPage(providerForm: string): string {
  return layout(
    "Sign out",
    `<h1>Sign out of the demo sign-in?</h1>
<p>You will be asked to choose an account again next time.</p>
${providerForm}
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button class="secondary" type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function signedOutPage(): string {
  return layout(
    "Signed out",
    `<h1>You are signed out</h1>
<p>You can close this page, or go back to Rigshare to sign in as someone else.</p>`,
  );
}
