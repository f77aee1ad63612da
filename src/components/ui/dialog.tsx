"use client";

import { clsx } from "clsx";
import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";

const WIDTHS = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/**
 * A modal on the native `<dialog>`: the browser supplies the focus trap, the inert background
 * and Escape. It is controlled: Escape, the close button and `open={false}` all go through
 * `onClose`. Focus returns to whatever opened it, also when the parent unmounts it.
 */
export function Dialog({
  open,
  title,
  description,
  onClose,
  size = "md",
  className,
  children,
}: {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  size?: keyof typeof WIDTHS;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const openProp = useRef(open);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    openProp.current = open;
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // The browser focuses the first focusable element, the close button; a form's first field is more useful.
      const field = dialog.querySelector<HTMLElement>("[data-dialog-body] :is(input, select, textarea):not([disabled], [type=hidden])");
      if (field && !dialog.querySelector("[autofocus]")) field.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Escape (or any native close) closes the dialog element first; tell the owner and give focus back.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => {
      restoreFocus(opener.current);
      if (openProp.current) onCloseRef.current();
    };
    dialog.addEventListener("close", handleClose);
    return () => {
      dialog.removeEventListener("close", handleClose);
      // Unmounted while open (the owner rendered `{open && <Dialog …/>}`): the element is gone, focus is lost.
      if (!dialog.isConnected) restoreFocus(opener.current);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={clsx(
        "m-auto w-[calc(100%-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50",
        WIDTHS[size],
        className,
      )}
    >
      <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
        <div className="min-w-0">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="mt-1 text-sm text-slate-600">
              {description}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={onClose}
          className="-m-1.5 rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <X aria-hidden="true" className="size-5" />
          <span className="sr-only">Close</span>
        </button>
      </div>
      <div data-dialog-body className="px-5 py-4">
        {children}
      </div>
    </dialog>
  );
}

function restoreFocus(element: HTMLElement | null) {
  if (element?.isConnected && document.activeElement !== element) element.focus();
}
