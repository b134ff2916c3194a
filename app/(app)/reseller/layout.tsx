import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { getSession } from "@/server/auth/get-session";

export default async function ResellerLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (session?.user.role !== "reseller") {
    return (
      <EmptyState
        title="Reseller accounts only"
        description="This part of Hookline is for resellers running a white-label storefront. Your account is a customer account."
        action={
          <Link className="text-sm font-medium text-brand-600 hover:underline" href="/webhooks">
            Back to webhooks
          </Link>
        }
      />
    );
  }
  return children;
}
