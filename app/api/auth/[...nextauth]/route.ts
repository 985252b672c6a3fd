// /api/auth/* – Auth.js sign-in, session and sign-out endpoints.
export { GET, POST } from "@/lib/auth/handlers";
