export default function StorefrontNotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">This storefront does not exist</h1>
      <p className="max-w-md text-slate-500">
        Check the link you were given, or contact the company that sent it to you.
      </p>
    </main>
  );
}
