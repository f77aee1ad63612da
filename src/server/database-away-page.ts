/**
 * The page the proxy serves while PostgreSQL is away: plain HTML with the app's colours, no
 * script (nothing can load while the server cannot render), and a "Try again" that reloads the
 * address asked for. It refreshes itself every few seconds, so a tab left open comes back alone.
 */
export const DATABASE_AWAY_TITLE = "Rigshare cannot reach its database";
export const DATABASE_AWAY_RETRY_SECONDS = 5;

export function databaseAwayPage(url: URL): string {
  // A GET form replaces its action's query with its fields, so the query travels as hidden fields.
  const fields = [...url.searchParams].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_AWAY_RETRY_SECONDS}">
<title>Database unavailable · Rigshare</title>
<link rel="icon" href="/favicon.ico">
<style>
  body { margin: 0; min-height: 100dvh; display: grid; place-items: center; background: #f8fafc; color: #0f172a;
    font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  main { max-width: 32rem; margin: 1.5rem; padding: 1.5rem; border: 1px solid #fecaca; border-radius: 0.5rem; background: #fef2f2; }
  h1 { margin: 0 0 0.5rem; font-size: 1.125rem; color: #7f1d1d; }
  p { margin: 0 0 1rem; font-size: 0.875rem; line-height: 1.5; color: #991b1b; }
  button { font: inherit; font-size: 0.875rem; font-weight: 600; padding: 0.5rem 0.875rem; border: 0; border-radius: 0.375rem;
    background: #4f46e5; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 2px solid #4f46e5; outline-offset: 2px; }
</style>
</head>
<body>
<main role="alert">
<h1>${DATABASE_AWAY_TITLE}</h1>
<p>Nothing you saved is lost: pages and requests work again as soon as the database is back, without a restart.
This page tries again by itself every ${DATABASE_AWAY_RETRY_SECONDS} seconds.</p>
<form method="get" action="${escapeHtml(url.pathname)}">${fields}<button type="submit">Try again</button></form>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
