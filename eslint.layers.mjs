/**
 * Layer rules, checked by `import/no-restricted-paths` (see docs/architecture.md):
 *   app → server/api | server/rest → server/<domain> → db
 * Domain code never imports a transport, components never import db, nothing imports app,
 * lib/ is a leaf everyone may use.
 */
const DOMAIN = "./server/!(api|rest)/**";
const SERVER_ROOT_FILES = "./server/*.ts";

export const layerZones = [
  {
    target: ["./server/**", "./components/**", "./lib/**", "./db/**", "./scripts/**"],
    from: "./app",
    message: "Nothing imports app/: it is the entry layer (pages and route handlers).",
  },
  {
    target: [DOMAIN, SERVER_ROOT_FILES],
    from: ["./server/api", "./server/rest"],
    message: "Domain code never imports a transport (server/api, server/rest): take what you need as an argument.",
  },
  {
    target: "./server/api/**",
    from: "./server/rest",
    message: "tRPC and REST are separate transports; share code through the domain.",
  },
  {
    target: "./server/rest/**",
    from: "./server/api",
    message: "tRPC and REST are separate transports; share code through the domain.",
  },
  {
    target: ["./server/**"],
    from: "./components",
    message: "Server code never imports UI components; shared client/server code belongs in lib/.",
  },
  {
    target: "./components/**",
    from: ["./db", "./server/rest"],
    message: "Components never import db/ (or REST handlers): data comes through tRPC.",
  },
  {
    target: "./app/**",
    from: "./db",
    message: "app/ reaches the database through server/ (a tRPC caller or a domain verb), never db/ directly.",
  },
  {
    target: "./db/**",
    from: ["./server", "./components", "./lib", "./scripts"],
    message: "db/ is the bottom layer: schema, client and migrations import nothing above them.",
  },
  {
    target: "./lib/**",
    from: ["./server", "./components", "./db"],
    message: "lib/ is a leaf shared by server and client code: it imports nothing from the app.",
  },
];
