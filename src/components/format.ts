const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Times are stored and shown in UTC so everyone on the team reads the same clock. */
export function formatDateTime(value: Date | string): string {
  return `${dateTime.format(new Date(value))} UTC`;
}

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar date such as an in-service date, "15 Jun 2018", read in UTC like every stored time. */
export function formatDate(value: Date | string): string {
  return dateOnly.format(new Date(value));
}
