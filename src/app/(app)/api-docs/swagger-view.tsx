"use client";

import { useEffect, useRef, useState } from "react";
import { ErrorState, LoadingState } from "@/components/ui/states";

type SwaggerUIBundle = ((options: Record<string, unknown>) => unknown) & { presets: { apis: unknown } };

const ASSETS = "/vendor/swagger-ui";

/** Loads the script once per page view, even when React runs the effect twice. */
let loading: Promise<SwaggerUIBundle> | undefined;
function loadSwaggerUi(): Promise<SwaggerUIBundle> {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = `${ASSETS}/swagger-ui.css`;
    document.head.append(css);
    const script = document.createElement("script");
    script.src = `${ASSETS}/swagger-ui-bundle.js`;
    script.onload = () => resolve((window as unknown as { SwaggerUIBundle: SwaggerUIBundle }).SwaggerUIBundle);
    script.onerror = () => {
      loading = undefined;
      reject(new Error("The documentation viewer could not be loaded."));
    };
    document.head.append(script);
  });
  return loading;
}

/** Swagger UI over /api/openapi.json; "Authorize" takes an API token to try requests from the page. */
export function SwaggerView() {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [attempt, setAttempt] = useState(0);

  // Swagger UI renders examples and responses in scrolling boxes as operations open; make each
  // reachable by keyboard so it can be scrolled without a mouse.
  useEffect(() => {
    const node = root.current;
    if (!node) return;
    const observer = new MutationObserver(() => {
      for (const box of node.querySelectorAll<HTMLElement>(".highlight-code pre:not([tabindex])")) box.tabIndex = 0;
    });
    observer.observe(node, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadSwaggerUi().then(
      (SwaggerUI) => {
        if (cancelled || !root.current) return;
        SwaggerUI({
          url: "/api/openapi.json",
          domNode: root.current,
          presets: [SwaggerUI.presets.apis],
          layout: "BaseLayout",
          // Deep links put a link inside each operation's toggle button: nested controls trip up screen readers.
          deepLinking: false,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          displayRequestDuration: true,
          // Its highlighting themes colour some tokens below the contrast WCAG AA asks; plain text reads fine.
          syntaxHighlight: false,
          onComplete: () => {
            // Swagger UI leaves its server picker unlabelled.
            root.current?.querySelector("select#servers")?.setAttribute("aria-label", "Server");
            if (!cancelled) setState("ready");
          },
        });
      },
      () => !cancelled && setState("failed"),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-xs">
      {state === "loading" && <LoadingState label="Loading the API documentation…" className="p-5" />}
      {state === "failed" && (
        <ErrorState
          className="m-5"
          message="The documentation viewer could not be loaded. The OpenAPI document itself is at /api/openapi.json."
          retry={() => {
            setState("loading");
            setAttempt((n) => n + 1);
          }}
        />
      )}
      <div ref={root} className="rigshare-swagger" />
    </div>
  );
}
