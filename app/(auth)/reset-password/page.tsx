import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Choose a new password</h1>
      <p className="mb-6 mt-1 text-sm text-slate-500">Setting it signs you out everywhere.</p>
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="text-sm text-slate-600">
          This link is incomplete.{" "}
          <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </>
  );
}
