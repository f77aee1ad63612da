// Generated from /api/openapi.json by `npx tsx scripts/api-types.ts`; do not edit.
// src/server/api/rest/rest.int.test.ts fails when it is out of date.

export interface paths {
    "/machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List machines and their GPUs
         * @description Active machines first; each GPU with who holds it now, until when, and when it is next free.
         *
         *     Needs: inventory:read.
         */
        get: operations["inventory-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/{machineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a machine and its GPUs
         * @description Needs: inventory:read.
         */
        get: operations["inventory-machine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/gpu-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List GPU models
         * @description Needs: inventory:read.
         */
        get: operations["inventory-gpuModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List slices
         * @description Newest start first. Members see their own slices and everyone's approved and pending ones; admins and leadership see all.
         *
         *     Needs: schedule:read.
         */
        get: operations["slices-list"];
        put?: never;
        /**
         * Request a slice
         * @description Threads and RAM default to the machine's profile times the GPUs, the start to now. A request that cannot be met is refused with every reason and the earliest window that fits (details.suggestion).
         *
         *     Needs: slices:request.
         */
        post: operations["slices-request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a slice
         * @description Needs: schedule:read.
         */
        get: operations["slices-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending request or an upcoming slice
         * @description Needs: slices:request (your own slices; admins any).
         */
        post: operations["slices-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release an active slice now
         * @description Needs: slices:request (your own slices; admins any).
         */
        post: operations["slices-release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask to extend a slice
         * @description Pending until an admin decides (or the auto-approve policy approves it).
         *
         *     Needs: slices:request (your own slices; admins any).
         */
        post: operations["slices-requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending request
         * @description Assigns `gpuIds` (default: the free GPUs the portal proposes). A quota may be overridden with `overrideReason`; capacity never.
         *
         *     Needs: slices:decide.
         */
        post: operations["slices-approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/{sliceId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a pending request
         * @description Needs: slices:decide.
         */
        post: operations["slices-reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/extensions/{extensionId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or reject an extension
         * @description A rejection needs a `reason`.
         *
         *     Needs: slices:decide.
         */
        post: operations["slices-decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/savings/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Savings at a glance
         * @description Savings over [from, to) (by default since the first machine entered service, up to now) and in the UTC calendar month the window ends in, utilization, break-even per machine and the premium avoided against vendor quotes. `asOf` says the instant the figures are to date at: `to`, or now when `to` is later or not given.
         *
         *     Needs: savings:read.
         */
        get: operations["savings-summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/savings/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Savings report of a window
         * @description Cloud-equivalent against on-prem cost per UTC day, week or month of [from, to), per machine, team, purpose (training, interactive, serving) or the whole fleet. Money is integer micro-dollars as decimal strings; bucket bounds are epoch milliseconds.
         *
         *     Needs: savings:read.
         */
        get: operations["savings-report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your API tokens
         * @description Newest first; the tokens themselves are never shown again, only their first characters.
         *
         *     Needs: tokens:read.
         */
        get: operations["tokens-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description Revoking twice is harmless.
         *
         *     Needs: tokens:read (your own tokens; admins any).
         */
        delete: operations["tokens-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an inventory document
         * @description All or nothing, in one transaction. Records are matched by natural key (team name, user e-mail, GPU model name, machine name + GPU index, build name, price SKU + effective date, quota team, slice externalId or machine + start + requester) and created or updated; nothing is deleted, and importing the same document twice changes nothing. `?dryRun=true` checks the document and reports what would change without writing anything. Every problem is reported at once, with its path in the document (details.problems). The document's JSON Schema: /api/v1/schema/inventory-v1.json.
         *
         *     Needs: import:manage.
         */
        post: operations["transfer-import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the inventory
         * @description Teams, users, GPU models, the price catalog, builds, machines, quotas and every slice, as one document that /import takes back. The document's JSON Schema: /api/v1/schema/inventory-v1.json.
         *
         *     Needs: export:read.
         */
        get: operations["transfer-export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/{machineId}/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A machine's GPU utilization, memory, power and temperature over time
         * @description One point per GPU and step (seconds: 60, 300, 900, 3600 or 86400) from the per-minute (steps under an hour) or per-hour aggregates; at most 2,000 points per GPU.
         *
         *     Needs: inventory:read.
         */
        get: operations["telemetry-series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/slices/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Real use of slices
         * @description Average and peak utilization, peak memory, idle minutes, measured and used GPU-hours and the processes seen, from the machines' agents.
         *
         *     Needs: inventory:read.
         */
        post: operations["telemetry-sliceUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/telemetry/unbooked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unbooked use of GPUs
         * @description Processes of people on GPUs they do not hold, seen in two reports in a row, newest first.
         *
         *     Needs: inventory:manage.
         */
        get: operations["telemetry-unbooked"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/savings/used-vs-held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Used GPU-hours beside held ones, and the idle-held cost
         * @description Per machine, team and person over a window clipped to when telemetry exists; money in micro-dollars.
         *
         *     Needs: savings:read.
         */
        get: operations["telemetry-usedVersusHeld"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/{machineId}/agent-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a one-time enrollment code for a machine's agent
         * @description Valid for an hour, used once: `rigshare-agent enroll --portal URL --code CODE` on the machine exchanges it for the machine's credential.
         *
         *     Needs: inventory:manage.
         */
        post: operations["telemetry-createAgentCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/machines/{machineId}/agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a machine's agent credential
         * @description The agent stops at its next report; enroll it again with a new code.
         *
         *     Needs: inventory:manage.
         */
        delete: operations["telemetry-revokeAgent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview where a need would be placed
         * @description Reads only: the placement and, for every machine, why it was or was not chosen.
         *
         *     Needs: slices:request.
         */
        post: operations["waitlist-preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request GPUs by need
         * @description Placed on one machine at the earliest start that fits capacity and quotas (fewest stranded resources, then the cheapest cloud-equivalent) and filed as a normal request; with `waitlist` it waits in the fair-share queue when nothing fits at once. A need no machine can ever meet is refused naming the largest available.
         *
         *     Needs: slices:request.
         */
        post: operations["waitlist-request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waitlist/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My waiting requests
         * @description Each with its position and estimated start, and the recent outcomes (placed, withdrawn, unmeetable).
         *
         *     Needs: slices:request.
         */
        get: operations["waitlist-mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The waitlist in order
         * @description Pinned entries first, then by fair share (the team's GPU-hours over 30 days per share), then by age.
         *
         *     Needs: waitlist:read.
         */
        get: operations["waitlist-queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waitlist/{entryId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a waiting request
         * @description Needs: slices:request (your own; admins any).
         */
        post: operations["waitlist-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/waitlist/{entryId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a waiting request to a position
         * @description The reason is kept in the audit log.
         *
         *     Needs: slices:decide.
         */
        post: operations["waitlist-move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}/fair-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a team's fair share
         * @description A relative weight (1 by default): a team with share 2 may use twice the GPU-hours of a team with 1 before the queue puts it behind.
         *
         *     Needs: teams:manage.
         */
        post: operations["waitlist-setShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Demand the machines did not meet
         * @description Waiting from request to start (median, 90th percentile) per week and team, waitlisted and refused GPU-hours, held GPU-hours.
         *
         *     Needs: capacity:read.
         */
        get: operations["capacity-report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/capacity/builds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Builds a what-if can add
         * @description Planned builds, and the builds of machines in service (a copy of an existing machine).
         *
         *     Needs: capacity:read.
         */
        get: operations["capacity-candidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/capacity/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Replay a period with one more machine
         * @description A deterministic replay of the period's real requests through the portal's placement and waitlist code, with and without the build's machine: waiting avoided, extra GPU-hours served, their cloud-equivalent value and the build's payback in months.
         *
         *     Needs: capacity:read.
         */
        get: operations["capacity-whatIf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Machine: {
            id: string;
            name: string;
            location: string;
            /** @enum {string} */
            status: "active" | "maintenance" | "retired";
            cpuModel: string;
            cores: number;
            threads: number;
            ramGb: number;
            storage: string;
            /** Format: date-time */
            inServiceAt: string;
            retiredAt: string | null;
            reservedThreads: number;
            reservedRamGb: number;
            build: {
                id: string;
                name: string;
            } | null;
            gpus: {
                id: string;
                index: number;
                uuid: string | null;
                model: {
                    id: string;
                    name: string;
                    vramGb: number;
                    boardPowerW: number;
                };
                status: {
                    gpuId: string;
                    machineId: string;
                    index: number;
                    /** @enum {string} */
                    state: "free" | "held" | "maintenance" | "retired";
                    /** @description The approved slice holding the GPU now. */
                    holder: {
                        sliceId: string;
                        holderId: string;
                        holderName: string;
                        teamName: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                    } | null;
                    /** @description When held: when the GPU is free again (through back-to-back holds). */
                    freeAt: string | null;
                    /** @description The first hold that starts once the GPU is free again. */
                    next: {
                        sliceId: string;
                        holderId: string;
                        holderName: string;
                        teamName: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                    } | null;
                };
            }[];
            /** @description Default slice per GPU: floor((threads - reserved) / GPUs) threads and floor((RAM - reserved) / GPUs) GB. */
            profile: {
                threads: number;
                ramGb: number;
            };
            /** @description Threads and RAM available to slices: the machine's minus the reserved amounts. */
            sliceCapacity: {
                threads: number;
                ramGb: number;
            };
        };
        GpuModel: {
            id: string;
            name: string;
            vramGb: number;
            boardPowerW: number;
            cloudSku: string | null;
            gpuCount: number;
        };
        Slice: {
            id: string;
            machine: {
                id: string;
                name: string;
            };
            requester: {
                id: string;
                name: string;
            };
            /** @description The team charged: the requester's team when the request was made. */
            team: {
                id: string;
                name: string;
            };
            gpuCount: number;
            threads: number;
            ramGb: number;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            releasedAt: string | null;
            /** @description Why the portal ended the slice early: "idle" (its GPUs sat idle) or "no-show" (nothing ran after its start); null when its holder released it or it ran to its end. */
            endReason: string | null;
            /** @description An admin exempted the slice from idle reclaim. */
            idleExempt: boolean;
            /**
             * Format: date-time
             * @description The earlier of the end and the release.
             */
            effectiveEnd: string;
            purpose: string;
            /**
             * @description What the GPUs do: training, interactive work, or serving a model around the clock.
             * @enum {string}
             */
            kind: "training" | "interactive" | "serving";
            /** @description Serving slices renew monthly until released: from when the next renewal is due; null for other slices and once released or ended. */
            nextRenewalAt: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "cancelled";
            /**
             * @description The status, or for approved slices where they stand by the clock.
             * @enum {string}
             */
            state: "pending" | "rejected" | "cancelled" | "upcoming" | "active" | "ended";
            /** @description The GPUs an approved slice holds. */
            gpus: {
                id: string;
                index: number;
                model: string;
            }[];
            decidedBy: {
                id: string;
                name: string;
            } | null;
            decidedAt: string | null;
            decisionReason: string | null;
            overrideReason: string | null;
            pendingExtension: {
                id: string;
                /** Format: date-time */
                requestedEndAt: string;
                reason: string;
                /** Format: date-time */
                createdAt: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
        };
        SavingsSummary: {
            /**
             * Format: int64
             * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
             */
            savingsToDateMicros: string;
            /**
             * Format: int64
             * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
             */
            cloudEquivalentToDateMicros: string;
            /**
             * Format: int64
             * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
             */
            onPremToDateMicros: string;
            /**
             * Format: int64
             * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
             */
            savingsThisMonthMicros: string;
            utilizationToDate: number | null;
            utilizationThisMonth: number | null;
            machines: {
                machineId: string;
                name: string;
                /**
                 * Format: int64
                 * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                 */
                savingsMicros: string;
                utilization: number | null;
                breakEven: string | null;
            }[];
            premiums: {
                machine: string;
                build: string;
                /**
                 * Format: int64
                 * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                 */
                buildTotalMicros: string;
                quote: {
                    vendor: string;
                    description: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    priceMicros: string;
                };
                /**
                 * Format: int64
                 * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                 */
                premiumAvoidedMicros: string;
            }[];
            /**
             * Format: int64
             * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
             */
            premiumAvoidedMicros: string;
            /** Format: date-time */
            since: string;
            /**
             * Format: date-time
             * @description The instant the figures are to date at.
             */
            asOf: string;
            assumptions: {
                /** @description Figures to read with care, e.g. GPU models without a cloud equivalent (counted as $0). */
                warnings: string[];
                machines: {
                    name: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /** @enum {string} */
                    capexSource: "purchase price" | "build total" | "none";
                    amortizationMonths: number;
                    baselineWatts: number;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    kwhPriceMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenancePerMonthMicros: string;
                    pricedAs: string[];
                    vcpuSku: string;
                    ramSku: string;
                }[];
                prices: {
                    sku: string;
                    provider: string;
                    /** @enum {string} */
                    unit: "gpu-hour" | "vcpu-hour" | "gb-hour";
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    priceMicros: string;
                    /** Format: date-time */
                    effectiveFrom: string;
                    sourceNote: string;
                }[];
            };
        };
        SavingsReport: {
            window: {
                /** @description Epoch milliseconds (UTC). */
                from: number;
                /** @description Epoch milliseconds (UTC). */
                to: number;
            };
            /** @enum {string} */
            bucket: "day" | "week" | "month";
            /** @enum {string} */
            groupBy: "machine" | "team" | "purpose" | "fleet";
            buckets: {
                /** @description Epoch milliseconds (UTC). */
                from: number;
                /** @description Epoch milliseconds (UTC). */
                to: number;
            }[];
            /**
             * Format: int64
             * @description How many units of the `exact` amounts make one micro-dollar (decimal string).
             */
            exactUnitsPerMicro: string;
            groups: {
                /** @description Machine id, team id, "(idle)" or "fleet". */
                key: string;
                rows: {
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cloudEquivalentMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyBaselineMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyGpuMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenanceMicros: string;
                    /**
                     * Format: int64
                     * @description capex + baseline energy + GPU energy + maintenance, as rounded (micro-dollars, decimal string).
                     */
                    onPremMicros: string;
                    /**
                     * Format: int64
                     * @description cloud-equivalent - on-prem, as rounded (micro-dollars, decimal string).
                     */
                    savingsMicros: string;
                    heldGpuMs: number;
                    availableGpuMs: number;
                    heldGpuHours: number;
                    availableGpuHours: number;
                    /** @description Held / available GPU-hours; null when nothing was in service. */
                    utilization: number | null;
                    exact: {
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        cloudEquivalent: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        capex: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyBaseline: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyGpu: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        maintenance: string;
                    };
                    /** @description Epoch milliseconds (UTC). */
                    from: number;
                    /** @description Epoch milliseconds (UTC). */
                    to: number;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cumulativeSavingsMicros: string;
                }[];
                total: {
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cloudEquivalentMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyBaselineMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyGpuMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenanceMicros: string;
                    /**
                     * Format: int64
                     * @description capex + baseline energy + GPU energy + maintenance, as rounded (micro-dollars, decimal string).
                     */
                    onPremMicros: string;
                    /**
                     * Format: int64
                     * @description cloud-equivalent - on-prem, as rounded (micro-dollars, decimal string).
                     */
                    savingsMicros: string;
                    heldGpuMs: number;
                    availableGpuMs: number;
                    heldGpuHours: number;
                    availableGpuHours: number;
                    /** @description Held / available GPU-hours; null when nothing was in service. */
                    utilization: number | null;
                    exact: {
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        cloudEquivalent: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        capex: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyBaseline: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyGpu: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        maintenance: string;
                    };
                };
                name: string;
            }[];
            fleet: {
                /** @description Machine id, team id, "(idle)" or "fleet". */
                key: string;
                rows: {
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cloudEquivalentMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyBaselineMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyGpuMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenanceMicros: string;
                    /**
                     * Format: int64
                     * @description capex + baseline energy + GPU energy + maintenance, as rounded (micro-dollars, decimal string).
                     */
                    onPremMicros: string;
                    /**
                     * Format: int64
                     * @description cloud-equivalent - on-prem, as rounded (micro-dollars, decimal string).
                     */
                    savingsMicros: string;
                    heldGpuMs: number;
                    availableGpuMs: number;
                    heldGpuHours: number;
                    availableGpuHours: number;
                    /** @description Held / available GPU-hours; null when nothing was in service. */
                    utilization: number | null;
                    exact: {
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        cloudEquivalent: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        capex: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyBaseline: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyGpu: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        maintenance: string;
                    };
                    /** @description Epoch milliseconds (UTC). */
                    from: number;
                    /** @description Epoch milliseconds (UTC). */
                    to: number;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cumulativeSavingsMicros: string;
                }[];
                total: {
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    cloudEquivalentMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyBaselineMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    energyGpuMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenanceMicros: string;
                    /**
                     * Format: int64
                     * @description capex + baseline energy + GPU energy + maintenance, as rounded (micro-dollars, decimal string).
                     */
                    onPremMicros: string;
                    /**
                     * Format: int64
                     * @description cloud-equivalent - on-prem, as rounded (micro-dollars, decimal string).
                     */
                    savingsMicros: string;
                    heldGpuMs: number;
                    availableGpuMs: number;
                    heldGpuHours: number;
                    availableGpuHours: number;
                    /** @description Held / available GPU-hours; null when nothing was in service. */
                    utilization: number | null;
                    exact: {
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        cloudEquivalent: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        capex: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyBaseline: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        energyGpu: string;
                        /**
                         * Format: int64
                         * @description Unrounded amount in 1/exactUnitsPerMicro micro-dollar, as a decimal string.
                         */
                        maintenance: string;
                    };
                };
            };
            breakEven: {
                machineId: string;
                name: string;
                at: string | null;
            }[];
            fleetBreakEven: string | null;
            assumptions: {
                /** @description Figures to read with care, e.g. GPU models without a cloud equivalent (counted as $0). */
                warnings: string[];
                machines: {
                    name: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    capexMicros: string;
                    /** @enum {string} */
                    capexSource: "purchase price" | "build total" | "none";
                    amortizationMonths: number;
                    baselineWatts: number;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    kwhPriceMicros: string;
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    maintenancePerMonthMicros: string;
                    pricedAs: string[];
                    vcpuSku: string;
                    ramSku: string;
                }[];
                prices: {
                    sku: string;
                    provider: string;
                    /** @enum {string} */
                    unit: "gpu-hour" | "vcpu-hour" | "gb-hour";
                    /**
                     * Format: int64
                     * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                     */
                    priceMicros: string;
                    /** Format: date-time */
                    effectiveFrom: string;
                    sourceNote: string;
                }[];
            };
        };
        ApiToken: {
            id: string;
            userId: string;
            name: string;
            /** @description The first characters of the token, to tell tokens apart. */
            prefix: string;
            /** @enum {string} */
            scope: "read" | "write";
            /** Format: date-time */
            expiresAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ImportResult: {
            /** @description False for a dry run, and when the document matches what is stored (importing it again changes nothing). */
            wrote: boolean;
            dryRun: boolean;
            created: {
                teams: number;
                users: number;
                gpuModels: number;
                prices: number;
                builds: number;
                machines: number;
                quotas: number;
                slices: number;
            };
            updated: {
                teams: number;
                users: number;
                gpuModels: number;
                prices: number;
                builds: number;
                machines: number;
                quotas: number;
                slices: number;
            };
            unchanged: {
                teams: number;
                users: number;
                gpuModels: number;
                prices: number;
                builds: number;
                machines: number;
                quotas: number;
                slices: number;
            };
            /** @description Things that did not stop the import, e.g. a SKU with no price yet. */
            warnings: {
                path: string;
                message: string;
            }[];
        };
        /** Rigshare inventory document, version 1 */
        InventoryDocument: {
            $schema?: string;
            /** @constant */
            version: 1;
            teams?: components["schemas"]["InventoryTeam"][];
            users?: components["schemas"]["InventoryUser"][];
            gpuModels?: components["schemas"]["InventoryGpuModel"][];
            prices?: components["schemas"]["InventoryPrice"][];
            builds?: components["schemas"]["InventoryBuild"][];
            machines?: components["schemas"]["InventoryMachine"][];
            quotas?: components["schemas"]["InventoryQuota"][];
            slices?: components["schemas"]["InventorySlice"][];
        };
        /** @description Why a machine was chosen or not. */
        MachineVerdict: {
            machineId: string;
            machineName: string;
            chosen: boolean;
            /** @enum {string} */
            code: "CHOSEN" | "UNAVAILABLE" | "NO_SUITABLE_GPUS" | "TOO_FEW_SUITABLE_GPUS" | "TOO_SMALL" | "NO_WINDOW" | "LATER_START" | "MORE_STRANDED" | "MORE_EXPENSIVE" | "TIE_BY_NAME";
            message: string;
            placement?: {
                machineId: string;
                machineName: string;
                gpuIds: string[];
                threads: number;
                ramGb: number;
                /** @description Epoch milliseconds (UTC). */
                start: number;
                /** @description Epoch milliseconds (UTC). */
                end: number;
                /** @description What the placement leaves on its machine that no default-profile slice could use. */
                stranded: {
                    gpus: number;
                    threads: number;
                    ramGb: number;
                };
                /** @description Cloud-equivalent of the slice per hour, micro-dollars. */
                cloudMicrosPerHour: number;
            };
        };
        QueueItem: {
            id: string;
            requester: {
                id: string;
                name: string;
            };
            team: {
                id: string;
                name: string;
            };
            /** @description The need in words. */
            need: string;
            gpuCount: number;
            minGpuMemoryGb: number | null;
            gpuModels: string[];
            durationHours: number;
            /** Format: date-time */
            earliestStart: string;
            latestEnd: string | null;
            purpose: string;
            /** @enum {string} */
            kind: "training" | "interactive" | "serving";
            /** @enum {string} */
            status: "waiting" | "placed" | "unmeetable" | "cancelled";
            /** @description An admin moved it; pinned entries go first. */
            pinned: boolean;
            outcome: string | null;
            slice: {
                id: string;
                /** @enum {string} */
                status: "pending" | "approved" | "rejected" | "cancelled";
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                machine: {
                    id: string;
                    name: string;
                };
            } | null;
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
            position: number;
            /** @description The team's GPU-hours over the last 30 days divided by its share: lower goes first. */
            teamGpuHoursPerShare: number;
            /** @description If nothing ends early: the queue ahead takes its earliest windows first. */
            estimatedStart: string | null;
        };
        WaitlistEntry: {
            id: string;
            requester: {
                id: string;
                name: string;
            };
            team: {
                id: string;
                name: string;
            };
            /** @description The need in words. */
            need: string;
            gpuCount: number;
            minGpuMemoryGb: number | null;
            gpuModels: string[];
            durationHours: number;
            /** Format: date-time */
            earliestStart: string;
            latestEnd: string | null;
            purpose: string;
            /** @enum {string} */
            kind: "training" | "interactive" | "serving";
            /** @enum {string} */
            status: "waiting" | "placed" | "unmeetable" | "cancelled";
            /** @description An admin moved it; pinned entries go first. */
            pinned: boolean;
            outcome: string | null;
            slice: {
                id: string;
                /** @enum {string} */
                status: "pending" | "approved" | "rejected" | "cancelled";
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string;
                machine: {
                    id: string;
                    name: string;
                };
            } | null;
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
        };
        CapacityReport: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            until: string;
            demand: {
                weeks: {
                    /** @description Monday 00:00 UTC, epoch milliseconds. */
                    week: number;
                    teamId: string;
                    teamName: string;
                    requests: number;
                    medianWaitHours: number;
                    p90WaitHours: number;
                }[];
                overall: {
                    requests: number;
                    medianWaitHours: number;
                    p90WaitHours: number;
                };
                waitlistedGpuHours: number;
                refusedGpuHours: number;
            };
            heldGpuHours: number;
            /** @description Null until the machines report telemetry. */
            usedGpuHours: number | null;
        };
        WhatIf: {
            build: {
                id: string;
                name: string;
                status: string;
                /**
                 * Format: int64
                 * @description Integer micro-dollars ($1 = 1000000) as a decimal string, e.g. "1460000" for $1.46.
                 */
                costMicros: string;
                gpus: string[];
                threads: number;
                ramGb: number;
            };
            period: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                until: string;
            };
            requests: {
                byNeed: number;
                byMachine: number;
            };
            baseline: {
                requests: number;
                served: number;
                medianWaitHours: number;
                p90WaitHours: number;
                totalWaitHours: number;
                servedGpuHours: number;
                unservedGpuHours: number;
            };
            withMachine: {
                requests: number;
                served: number;
                medianWaitHours: number;
                p90WaitHours: number;
                totalWaitHours: number;
                servedGpuHours: number;
                unservedGpuHours: number;
            };
            waitingAvoidedHours: number;
            extraGpuHoursServed: number;
            newMachineGpuHours: number;
            /** @description Cloud-equivalent of what the added machine served, micro-dollars. */
            newMachineValueMicros: number;
            paybackMonths: number | null;
            /** @description The same replays without fair share and backfilling. */
            plain: {
                baseline: {
                    requests: number;
                    served: number;
                    medianWaitHours: number;
                    p90WaitHours: number;
                    totalWaitHours: number;
                    servedGpuHours: number;
                    unservedGpuHours: number;
                };
                withMachine: {
                    requests: number;
                    served: number;
                    medianWaitHours: number;
                    p90WaitHours: number;
                    totalWaitHours: number;
                    servedGpuHours: number;
                    unservedGpuHours: number;
                };
            };
        };
        InventoryTeam: {
            name: string;
        };
        InventoryUser: {
            /** Format: email */
            email: string;
            name: string;
            /** @description The team's name. */
            team: string;
            /** @description Roles an admin assigned in the portal (roles from the identity provider's groups are set at each sign-in). */
            roles?: ("member" | "admin" | "leadership")[];
            active?: boolean;
            /** @description POSIX user name on the GPU machines. Absent or null keeps the stored one; a new person without one gets the e-mail's local part. */
            linuxUsername?: string | null;
        };
        InventoryGpuModel: {
            name: string;
            vramGb: number;
            boardPowerW: number;
            /** @description The price SKU (per GPU-hour) this card is priced as in the cloud. */
            cloudSku?: string | null;
        };
        InventoryPrice: {
            provider: string;
            sku: string;
            /** @enum {string} */
            unit: "gpu_hour" | "vcpu_hour" | "gb_hour";
            priceMicros: string;
            /** Format: date-time */
            effectiveFrom: string;
            sourceNote?: string;
        };
        InventoryBuild: {
            name: string;
            /** @enum {string} */
            status?: "planned" | "ordered" | "in_service";
            notes?: string;
            parts?: {
                /** @enum {string} */
                category: "cpu" | "motherboard" | "gpu" | "ram" | "storage" | "psu" | "case" | "cooler" | "other";
                name: string;
                quantity: number;
                unitPriceMicros: string;
                specs?: {
                    socket?: string;
                    ramType?: string;
                    dimmSlots?: number;
                    maxRamGb?: number;
                    moduleSizeGb?: number;
                    pcieX16Slots?: number;
                    expansionSlots?: number;
                    slotWidth?: number;
                    cpuPcieLanes?: number;
                    boardPowerW?: number;
                    tdpW?: number;
                    psuWatts?: number;
                    cardLengthMm?: number;
                    gpuClearanceMm?: number;
                    cores?: number;
                    threads?: number;
                    vramGb?: number;
                };
            }[];
            quotes?: {
                vendor: string;
                description?: string;
                priceMicros: string;
                quotedAt?: string | null;
            }[];
        };
        InventoryMachine: {
            name: string;
            location?: string;
            /** @enum {string} */
            status?: "active" | "maintenance" | "retired";
            cpuModel: string;
            cores: number;
            threads: number;
            ramGb: number;
            storage?: string;
            /** Format: date-time */
            inServiceAt: string;
            retiredAt?: string | null;
            reservedThreads?: number;
            reservedRamGb?: number;
            /** @description The name of the build the machine came from. */
            build?: string | null;
            costs?: {
                /** @description Explicit capex; when null the build's total is the capex. */
                purchasePriceMicros?: string | null;
                amortizationMonths?: number;
                baselineWatts?: number;
                kwhPriceMicros?: string;
                maintenancePerMonthMicros?: string;
                vcpuSku?: string;
                ramSku?: string;
            };
            /** @description GPUs by index (0..n-1); listed GPUs are added or updated, others are kept. */
            gpus?: {
                index: number;
                /** @description The GPU model's name. */
                model: string;
                uuid?: string | null;
            }[];
        };
        InventoryQuota: {
            /** @description The team whose overrides these are; null for the fleet-wide defaults. */
            team: string | null;
            teamMaxConcurrentGpus?: number | null;
            teamMaxGpuHoursPerMonth?: number | null;
            userMaxConcurrentGpus?: number | null;
            userMaxSliceHours?: number | null;
            userMaxDaysAhead?: number | null;
            autoApprove?: boolean | null;
        };
        InventorySlice: {
            /** @description A stable id (e.g. a spreadsheet row id); exports carry the slice's own id. Without it, a slice is matched by machine + start + requester. */
            externalId?: string;
            machine: string;
            /**
             * Format: email
             * @description The requester's e-mail.
             */
            requester: string;
            /** @description The team charged; default: the requester's team. */
            team?: string;
            /**
             * @description Default: approved (imported slices are usually history).
             * @enum {string}
             */
            status?: "pending" | "approved" | "rejected" | "cancelled";
            gpuCount?: number;
            /** @description Indices of the GPUs an approved slice held. */
            gpus?: number[];
            threads?: number;
            ramGb?: number;
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
            releasedAt?: string | null;
            purpose?: string;
            /** @description E-mail of the admin who decided; null for auto-approval. */
            decidedBy?: string | null;
            decidedAt?: string | null;
            decisionReason?: string | null;
            overrideReason?: string | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "VALIDATION" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "CAPACITY_CONFLICT" | "QUOTA_EXCEEDED" | "RATE_LIMITED" | "UNAVAILABLE" | "INTERNAL";
                message: string;
                /** @description The offending input, as a path: `end`, `machines[2].gpus[1].model`. */
                field?: string;
                /** @description More about the refusal, e.g. `problems` (every invalid field), `conflicts`, `quotas` and the `suggestion` of a refused slice request. */
                details?: {
                    [key: string]: unknown;
                };
                requestId?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "inventory-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "inventory-machine": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Machine"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "inventory-gpuModels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GpuModel"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-list": {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "rejected" | "cancelled";
                machineId?: string;
                requester?: "me" | "anyone";
                from?: string;
                to?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    machineId: string;
                    gpuCount: number;
                    threads?: number;
                    ramGb?: number;
                    /** Format: date-time */
                    start?: string;
                    /** Format: date-time */
                    end: string;
                    purpose: string;
                    quotaException?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-release": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-requestExtension": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    end: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gpuIds?: string[];
                    overrideReason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sliceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "slices-decideExtension": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                extensionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    approve: boolean;
                    reason?: string;
                    overrideReason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slice"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "savings-summary": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavingsSummary"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "savings-report": {
        parameters: {
            query: {
                from: string;
                to: string;
                bucket: "day" | "week" | "month";
                groupBy: "machine" | "team" | "purpose" | "fleet";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavingsReport"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tokens-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "tokens-revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "transfer-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    $schema?: string;
                    /** @constant */
                    version: 1;
                    teams?: components["schemas"]["InventoryTeam"][];
                    users?: components["schemas"]["InventoryUser"][];
                    gpuModels?: components["schemas"]["InventoryGpuModel"][];
                    prices?: components["schemas"]["InventoryPrice"][];
                    builds?: components["schemas"]["InventoryBuild"][];
                    machines?: components["schemas"]["InventoryMachine"][];
                    quotas?: components["schemas"]["InventoryQuota"][];
                    slices?: components["schemas"]["InventorySlice"][];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "transfer-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryDocument"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-series": {
        parameters: {
            query: {
                from: string;
                to: string;
                step: number;
            };
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        step: number;
                        gpus: {
                            gpuId: string;
                            index: number;
                            uuid: string | null;
                            points: {
                                start: string;
                                samples: number;
                                avgUtilPct: number | null;
                                maxUtilPct: number;
                                idleSamples: number;
                                maxMemMib: number;
                                avgPowerW: number | null;
                                maxTempC: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-sliceUsage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sliceIds: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sliceId: string;
                        samples: number;
                        avgUtilPct: number | null;
                        peakUtilPct: number | null;
                        peakMemMib: number | null;
                        idleMinutes: number;
                        measuredGpuHours: number;
                        usedGpuHours: number;
                        processesSeen: {
                            who: string;
                            name: string;
                            samples: number;
                            memMaxMib: number;
                        }[];
                    }[];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-unbooked": {
        parameters: {
            query?: {
                sinceDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        machine: {
                            id: string;
                            name: string;
                        };
                        gpuIndex: number;
                        who: string;
                        person: {
                            id: string;
                            name: string;
                            team: string;
                        } | null;
                        processName: string;
                        since: string;
                        lastSeenAt: string;
                        endedAt: string | null;
                        maxMemMib: number;
                    }[];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-usedVersusHeld": {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        telemetrySince: string | null;
                        from: string;
                        to: string;
                        byMachine: {
                            key: string;
                            heldGpuHours: number;
                            measuredGpuHours: number;
                            usedGpuHours: number;
                            idleHeldGpuHours: number;
                            /** Format: int64 */
                            idleHeldCostMicros: number;
                        }[];
                        byTeam: {
                            key: string;
                            heldGpuHours: number;
                            measuredGpuHours: number;
                            usedGpuHours: number;
                            idleHeldGpuHours: number;
                            /** Format: int64 */
                            idleHeldCostMicros: number;
                        }[];
                        byPerson: {
                            key: string;
                            heldGpuHours: number;
                            measuredGpuHours: number;
                            usedGpuHours: number;
                            idleHeldGpuHours: number;
                            /** Format: int64 */
                            idleHeldCostMicros: number;
                        }[];
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-createAgentCode": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        machineId: string;
                        machineName: string;
                        code: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "telemetry-revokeAgent": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                machineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        machineId: string;
                        revoked: number;
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gpuCount: number;
                    minGpuMemoryGb?: number;
                    gpuModels?: string[];
                    threadsPerGpu?: number;
                    ramGbPerGpu?: number;
                    durationHours: number;
                    /** Format: date-time */
                    earliestStart?: string;
                    /** Format: date-time */
                    latestEnd?: string;
                    purpose: string;
                    /**
                     * @default training
                     * @enum {string}
                     */
                    kind?: "training" | "interactive" | "serving";
                    /**
                     * @description As soon as possible: wait in the queue when nothing fits at the earliest start. False books the earliest window found instead.
                     * @default true
                     */
                    waitlist?: boolean;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        placement: {
                            machineId: string;
                            machineName: string;
                            gpuIds: string[];
                            threads: number;
                            ramGb: number;
                            /** @description Epoch milliseconds (UTC). */
                            start: number;
                            /** @description Epoch milliseconds (UTC). */
                            end: number;
                            /** @description What the placement leaves on its machine that no default-profile slice could use. */
                            stranded: {
                                gpus: number;
                                threads: number;
                                ramGb: number;
                            };
                            /** @description Cloud-equivalent of the slice per hour, micro-dollars. */
                            cloudMicrosPerHour: number;
                        } | null;
                        verdicts: components["schemas"]["MachineVerdict"][];
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    gpuCount: number;
                    minGpuMemoryGb?: number;
                    gpuModels?: string[];
                    threadsPerGpu?: number;
                    ramGbPerGpu?: number;
                    durationHours: number;
                    /** Format: date-time */
                    earliestStart?: string;
                    /** Format: date-time */
                    latestEnd?: string;
                    purpose: string;
                    /**
                     * @default training
                     * @enum {string}
                     */
                    kind?: "training" | "interactive" | "serving";
                    /**
                     * @description As soon as possible: wait in the queue when nothing fits at the earliest start. False books the earliest window found instead.
                     * @default true
                     */
                    waitlist?: boolean;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        outcome: "placed";
                        verdicts: components["schemas"]["MachineVerdict"][];
                        slice: components["schemas"]["Slice"];
                    } | {
                        /** @constant */
                        outcome: "waiting";
                        verdicts: components["schemas"]["MachineVerdict"][];
                        waiting: {
                            id: string;
                            requester: {
                                id: string;
                                name: string;
                            };
                            team: {
                                id: string;
                                name: string;
                            };
                            /** @description The need in words. */
                            need: string;
                            gpuCount: number;
                            minGpuMemoryGb: number | null;
                            gpuModels: string[];
                            durationHours: number;
                            /** Format: date-time */
                            earliestStart: string;
                            latestEnd: string | null;
                            purpose: string;
                            /** @enum {string} */
                            kind: "training" | "interactive" | "serving";
                            /** @enum {string} */
                            status: "waiting" | "placed" | "unmeetable" | "cancelled";
                            /** @description An admin moved it; pinned entries go first. */
                            pinned: boolean;
                            outcome: string | null;
                            slice: {
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "cancelled";
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                machine: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            position: number;
                            /** @description The team's GPU-hours over the last 30 days divided by its share: lower goes first. */
                            teamGpuHoursPerShare: number;
                            /** @description If nothing ends early: the queue ahead takes its earliest windows first. */
                            estimatedStart: string | null;
                            queueLength: number;
                        };
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queueLength: number;
                        waiting: components["schemas"]["QueueItem"][];
                        recent: components["schemas"]["WaitlistEntry"][];
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueItem"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistEntry"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-move": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    position: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueItem"][];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "waitlist-setShare": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    share: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        fairShare: number;
                    };
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to you. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (e.g. a GPU already held, a slice already decided). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A quota would be exceeded; `details.quotas` says which and by how much. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "capacity-report": {
        parameters: {
            query: {
                from: string;
                until: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapacityReport"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "capacity-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        status: string;
                        gpus: number;
                    }[];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "capacity-whatIf": {
        parameters: {
            query: {
                buildId: string;
                from: string;
                until: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIf"];
                };
            };
            /** @description Bad input: `field` names it and `details.problems` lists every problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or a token that is unknown, revoked or expired, or whose owner is deactivated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Your roles do not allow this, or the token is read-only. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests with this token. */
            429: {
                headers: {
                    /** @description Seconds until a request is allowed again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Something went wrong on our side; quote the requestId. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
