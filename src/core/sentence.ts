/** Ends text with a full stop unless it already ends a sentence ("… 18:00 UTC." stays as it is). */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
