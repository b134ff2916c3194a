/** The demo accounts `npm run db:seed` creates; listed in the README. Development only. */
export const DEMO_PASSWORD = "hookline-demo-1";

export const DEMO_ACCOUNTS = {
  reseller: {
    fullName: "Acme Messaging",
    username: "acme",
    email: "reseller@acme.test",
    mobileNumber: "919800000001",
    city: "Mumbai",
    region: "Maharashtra",
    country: "India",
  },
  resellerCustomer: {
    fullName: "Priya Shah",
    username: "priya",
    email: "priya@customer.test",
    mobileNumber: "919800000002",
    city: "Pune",
    region: "Maharashtra",
    country: "India",
  },
  directCustomer: {
    fullName: "Jon Doe",
    username: "jondoe",
    email: "jon@example.test",
    mobileNumber: "447700900123",
    city: "London",
    region: "England",
    country: "United Kingdom",
  },
} as const;

export const DEMO_WHITE_LABEL = { slug: "acme", brandName: "Acme SMS", primaryColor: "#0f766e" };
