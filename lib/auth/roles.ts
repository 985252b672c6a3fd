// Where each role lands after sign-in, and the role names as the session carries them.
export type Role = "STUDENT" | "TEACHER" | "ADMIN" | "SUPER_ADMIN";

export const HOME_FOR_ROLE: Record<Role, string> = {
  STUDENT: "/tutor",
  TEACHER: "/teacher",
  ADMIN: "/admin",
  SUPER_ADMIN: "/admin",
};

export interface SessionUser {
  id: string;
  role: Role;
  /** null only for district super-admins. */
  schoolId: string | null;
  name: string;
  email: string;
}
