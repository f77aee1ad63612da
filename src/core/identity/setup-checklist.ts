/** What a fresh portal has, as counted for the first admin's setup checklist. */
export interface SetupCounts {
  gpuModels: number;
  gpuModelsWithoutCloudPrice: number;
  machines: number;
  quotaPolicies: number;
  users: number;
  slices: number;
}

export interface SetupItem {
  key: "gpu-model" | "machine" | "prices" | "quotas" | "people";
  label: string;
  hint: string;
  href: string;
  done: boolean;
}

/**
 * The five steps from an empty install to a portal people can use, each ticked from the data.
 * The list shows while a step is open on a portal nobody has booked on yet: once the first slice
 * exists the setup is behind it (the demo data has years of them), and it goes when all are done.
 */
export function setupChecklist(counts: SetupCounts): { visible: boolean; items: SetupItem[] } {
  const items: SetupItem[] = [
    { key: "gpu-model", label: "Add a GPU model", hint: "Name, VRAM and board power of the cards you own.", href: "/inventory/gpu-models", done: counts.gpuModels > 0 },
    { key: "machine", label: "Add a machine", hint: "Its CPU, RAM, GPUs and purchase price.", href: "/inventory/new", done: counts.machines > 0 },
    {
      key: "prices",
      label: "Check the prices",
      hint: "The reference cloud prices are defaults; give every GPU model its cloud equivalent.",
      href: "/savings/prices",
      done: counts.gpuModels > 0 && counts.gpuModelsWithoutCloudPrice === 0,
    },
    { key: "quotas", label: "Set quotas", hint: "How many GPUs a team or a person may hold, and for how long.", href: "/admin/quotas", done: counts.quotaPolicies > 0 },
    { key: "people", label: "Invite people", hint: "Share the portal's address: people appear here at their first sign-in.", href: "/admin/users", done: counts.users > 1 },
  ];
  return { visible: counts.slices === 0 && items.some((item) => !item.done), items };
}
