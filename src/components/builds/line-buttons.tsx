import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The trash button of a parts or quotes line; `label` names the line for screen readers. */
export function RemoveLineButton({ label, title, onClick }: { label: string; title: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" className="px-2 text-red-700 hover:text-red-800" aria-label={`Remove ${label}`} title={title} onClick={onClick}>
      <Trash2 aria-hidden="true" />
    </Button>
  );
}

/** The button under a parts or quotes table that adds a line; its id is where focus goes once the last line is removed. */
export function AddLineButton({ id, onClick, children }: { id: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <Button id={id} variant="secondary" className="mt-3" onClick={onClick}>
      <Plus aria-hidden="true" />
      {children}
    </Button>
  );
}
