import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">The page you asked for does not exist or has moved.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-indigo-700 underline underline-offset-4">
        Back to Rigshare
      </Link>
    </main>
  );
}
