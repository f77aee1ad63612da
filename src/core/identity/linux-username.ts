/**
 * A POSIX-portable user name as useradd accepts it by default (NAME_REGEX of adduser.conf,
 * 32 characters at most): it starts with a lower-case letter or an underscore, then lower-case
 * letters, digits, underscores and hyphens. The machine agent maps processes to people by it, so
 * a name the machines cannot have is refused here rather than silently never matching.
 */
export const LINUX_USERNAME_PATTERN = /^[a-z_][a-z0-9_-]*$/;
export const LINUX_USERNAME_MAX = 32;

/** Names the system owns on every Linux machine: giving one to a person would map root's processes to them. */
const RESERVED = new Set(["root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data", "backup", "list", "irc", "nobody", "systemd-network", "systemd-resolve", "messagebus", "sshd", "nvidia-persistenced"]);

/** Why a Linux user name cannot be used, or null when it can. */
export function linuxUsernameProblem(name: string): string | null {
  if (name.length === 0) return "is required";
  if (name.length > LINUX_USERNAME_MAX) return `must be at most ${LINUX_USERNAME_MAX} characters`;
  if (!/^[a-z_]/.test(name)) return "must start with a lower-case letter or an underscore";
  if (!LINUX_USERNAME_PATTERN.test(name)) return "may hold only lower-case letters, digits, underscores and hyphens";
  if (RESERVED.has(name)) return `"${name}" belongs to the system on every machine`;
  return null;
}
