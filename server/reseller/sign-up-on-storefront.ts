import type { Db } from "@/db";
import { registerAccount } from "@/server/accounts/register-account";
import type { DeliveryRunner } from "@/server/delivery/delivery-runner";
import { recordEvents } from "@/server/events/record-events";
import type { Mailer } from "@/server/mail/mailer";
import { getStorefront } from "@/server/white-label/get-storefront";
import { buildSignupEventData } from "./build-signup-event";
import type { StorefrontSignUpData } from "./schemas";
import { handOff } from "@/server/delivery/hand-off";

/**
 * A visitor signs up on a reseller's storefront: a customer account is created under the
 * reseller and, in the same transaction, a `user.signup` event for the reseller's Signup Webhook
 * (so neither exists without the other). The webhook itself is sent afterwards by the runner:
 * a slow or down endpoint never delays or fails the signup. An email that already has an account
 * gets the same answer, and its owner a mail in the storefront's brand.
 */
export async function signUpOnStorefront(
  { db, runner, mailer }: { db: Db; runner: DeliveryRunner; mailer?: Mailer },
  input: StorefrontSignUpData,
) {
  const store = await getStorefront({ db }, { slug: input.slug });
  const { slug: _slug, ...profile } = input;
  const result = await registerAccount(
    { db, mailer },
    { ...profile, accountType: "customer" },
    {
      resellerId: store.resellerId,
      brand: {
        name: store.brandName,
        color: store.primaryColor,
        logoUrl: store.logoUrl,
        supportEmail: store.supportEmail,
      },
      inTransaction: (tx, created) =>
        recordEvents(tx, store.resellerId, [
          {
            type: "user.signup",
            data: buildSignupEventData({ ...profile, userId: created.userId, createdAt: created.createdAt }),
            idempotencyKey: `signup:${created.userId}`,
          },
        ]),
    },
  );
  const deliveries = (result.created && result.extra?.deliveries) || [];
  // The deliveries are already safe in the database: a failed hand-off never fails the sign-up.
  await handOff(runner, deliveries, "storefront sign-up");
  return result;
}
