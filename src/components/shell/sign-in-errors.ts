/** The sign-in page's message for each `?error=` (Auth.js's, the portal's own, and the diagnosed ones). */
export const SIGN_IN_ERRORS: Record<string, string> = {
  deactivated: "Your account is deactivated. Ask an admin of Rigshare to reactivate it.",
  "missing-claims": "Your identity provider did not send an e-mail address. Ask IT to release the email claim to Rigshare.",
  AccessDenied: "Sign-in was cancelled or refused at the identity provider.",
  Configuration: "Sign-in is misconfigured. An admin should check the logs: each failed sign-in is logged with its cause.",
  IdpUnreachable: "The identity provider cannot be reached right now. Try again later; if it lasts, tell an admin.",
};

export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERRORS[code] ?? "Sign-in failed. Please try again.";
}
