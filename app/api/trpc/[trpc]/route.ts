import { handleTRPCRequest } from "@/server/api/handle-trpc-request";

const handler = (req: Request) => handleTRPCRequest(req);

export { handler as GET, handler as POST };
