export * from "./accounts";
export * from "./users";
export * from "./white-labels";
export * from "./api-keys";
export * from "./endpoints";
export * from "./events";
export * from "./replays";
export * from "./notifications";
