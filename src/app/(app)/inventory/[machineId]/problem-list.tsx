import { clsx } from "clsx";

/** What the machine's agent or schedule got wrong, read out at once; nothing when all is well. */
export function ProblemList({ problems, className }: { problems: readonly string[]; className?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul role="alert" className={clsx("list-disc space-y-1 pl-5 text-red-700", className)}>
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
