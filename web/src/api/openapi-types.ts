// Generated from the server's own OpenAPI document by `npm run docs`; do not edit.
// `npm run docs:check` fails when it no longer matches the routes in src/api.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable and migrated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        organization?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                mustChangePassword: boolean;
                            } | null;
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            isPlatformAdmin: boolean;
                            /** @enum {string} */
                            via: "session" | "token";
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends this session and clears the cookie */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: person (or token), organization, role and CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                mustChangePassword: boolean;
                            } | null;
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            isPlatformAdmin: boolean;
                            /** @enum {string} */
                            via: "session" | "token";
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (signs out your other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organizations you belong to, with your role in each (the organization switcher) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizations: {
                                id: number;
                                name: string;
                                slug: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch to another of your organizations: a new session there replaces this one */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organization: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                mustChangePassword: boolean;
                            } | null;
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            isPlatformAdmin: boolean;
                            /** @enum {string} */
                            via: "session" | "token";
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            slug: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename your organization */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            slug: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of your organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                isPlatformAdmin: boolean;
                                mustChangePassword: boolean;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a person (a one-time password is returned once when none is given) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "staff";
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                isPlatformAdmin: boolean;
                                mustChangePassword: boolean;
                                createdAt: string;
                            };
                            oneTimePassword: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            isPlatformAdmin: boolean;
                            mustChangePassword: boolean;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a member from your organization (signs them out) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role or name */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role?: "admin" | "manager" | "staff";
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            isPlatformAdmin: boolean;
                            mustChangePassword: boolean;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens of your organization (never their values) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                prefix: string;
                                createdByUserId: number | null;
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; its value is shown in this response only */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default staff
                         * @enum {string}
                         */
                        role?: "admin" | "manager" | "staff";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            apiToken: {
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                prefix: string;
                                createdByUserId: number | null;
                                createdAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            prefix: string;
                            createdByUserId: number | null;
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Licenses of your organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            licenses: {
                                id: number;
                                number: string;
                                state: string;
                                licenseType: string;
                                name: string;
                                facilityType: {
                                    [key: string]: unknown;
                                };
                                features: {
                                    plants: boolean;
                                    harvests: boolean;
                                    packages: boolean;
                                    manufacturing: boolean;
                                    sales: boolean;
                                    salesDelivery: boolean;
                                    transfers: boolean;
                                    labTesting: boolean;
                                    patients: boolean;
                                    processingJobs: boolean;
                                };
                                timeZone: string;
                                sync: {
                                    syncing: boolean;
                                    facilityCredentialId: number | null;
                                    keyStatus: string | null;
                                    message: string;
                                };
                                outbox: {
                                    depth: number;
                                    byStatus: {
                                        [key: string]: number;
                                    };
                                    oldestUnsentAt: string | null;
                                    oldestUnsentAgeSeconds: number | null;
                                    paused: boolean;
                                    pauseCode: string | null;
                                    pauseMessage: string | null;
                                };
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a license by hand (verifying a facility key adds them from Metrc) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        state: string;
                        licenseType: string;
                        name: string;
                        facilityType?: {
                            [key: string]: boolean | number | (null);
                        };
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            state: string;
                            licenseType: string;
                            name: string;
                            facilityType: {
                                [key: string]: unknown;
                            };
                            features: {
                                plants: boolean;
                                harvests: boolean;
                                packages: boolean;
                                manufacturing: boolean;
                                sales: boolean;
                                salesDelivery: boolean;
                                transfers: boolean;
                                labTesting: boolean;
                                patients: boolean;
                                processingJobs: boolean;
                            };
                            timeZone: string;
                            sync: {
                                syncing: boolean;
                                facilityCredentialId: number | null;
                                keyStatus: string | null;
                                message: string;
                            };
                            outbox: {
                                depth: number;
                                byStatus: {
                                    [key: string]: number;
                                };
                                oldestUnsentAt: string | null;
                                oldestUnsentAgeSeconds: number | null;
                                paused: boolean;
                                pauseCode: string | null;
                                pauseMessage: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One license */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            state: string;
                            licenseType: string;
                            name: string;
                            facilityType: {
                                [key: string]: unknown;
                            };
                            features: {
                                plants: boolean;
                                harvests: boolean;
                                packages: boolean;
                                manufacturing: boolean;
                                sales: boolean;
                                salesDelivery: boolean;
                                transfers: boolean;
                                labTesting: boolean;
                                patients: boolean;
                                processingJobs: boolean;
                            };
                            timeZone: string;
                            sync: {
                                syncing: boolean;
                                facilityCredentialId: number | null;
                                keyStatus: string | null;
                                message: string;
                            };
                            outbox: {
                                depth: number;
                                byStatus: {
                                    [key: string]: number;
                                };
                                oldestUnsentAt: string | null;
                                oldestUnsentAgeSeconds: number | null;
                                paused: boolean;
                                pauseCode: string | null;
                                pauseMessage: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a license */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a license's name, type, flags or time zone */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        licenseType?: string;
                        name?: string;
                        facilityType?: {
                            [key: string]: boolean | number | (null);
                        };
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: string;
                            state: string;
                            licenseType: string;
                            name: string;
                            facilityType: {
                                [key: string]: unknown;
                            };
                            features: {
                                plants: boolean;
                                harvests: boolean;
                                packages: boolean;
                                manufacturing: boolean;
                                sales: boolean;
                                salesDelivery: boolean;
                                transfers: boolean;
                                labTesting: boolean;
                                patients: boolean;
                                processingJobs: boolean;
                            };
                            timeZone: string;
                            sync: {
                                syncing: boolean;
                                facilityCredentialId: number | null;
                                keyStatus: string | null;
                                message: string;
                            };
                            outbox: {
                                depth: number;
                                byStatus: {
                                    [key: string]: number;
                                };
                                oldestUnsentAt: string | null;
                                oldestUnsentAgeSeconds: number | null;
                                paused: boolean;
                                pauseCode: string | null;
                                pauseMessage: string | null;
                            };
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events of your organization, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: number;
                                action: string;
                                actorUserId: number | null;
                                actorTokenId: number | null;
                                targetType: string | null;
                                targetId: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                createdAt: string;
                                hash: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every organization of this deployment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizations: {
                                id: number;
                                name: string;
                                slug: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organization with its first admin (one-time password returned once); with `metrc`, only if the key holds an active license (rule 11) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        slug?: string;
                        admin: {
                            /** Format: email */
                            email: string;
                            name: string;
                        };
                        metrc?: {
                            state: string;
                            /**
                             * @default production
                             * @enum {string}
                             */
                            environment?: "production" | "sandbox";
                            apiKey: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                            adminUserId: number;
                            oneTimePassword: string | null;
                            credential: {
                                id: number;
                                provider: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                                fingerprint: string;
                                /** @enum {string} */
                                status: "unverified" | "valid" | "invalid" | "expired";
                                statusReason: string | null;
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                                licenses: {
                                    id: number;
                                    number: string;
                                    name: string;
                                }[];
                                lastVerifiedAt: string | null;
                                lastUsedAt: string | null;
                                keyAgeDays: number;
                                expiresSoon: boolean;
                                report: {
                                    verifiedAt: string;
                                    state: string;
                                    /** @enum {string} */
                                    environment: "production" | "sandbox";
                                    keyAccepted: boolean;
                                    available: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                    }[];
                                    licenses: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                        covered: boolean;
                                        sections: {
                                            section: string;
                                            label: string;
                                            /** @enum {string} */
                                            status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                            httpStatus: number | null;
                                        }[];
                                    }[];
                                    uncovered: string[];
                                    diagnosis: {
                                        code: string;
                                        message: string;
                                        licenses?: string[];
                                        sections?: {
                                            license: string;
                                            section: string;
                                        }[];
                                        otherState?: string;
                                    } | null;
                                } | null;
                                createdAt: string;
                                updatedAt: string;
                                sameKeyAs?: {
                                    id: number;
                                    /** @enum {string} */
                                    kind: "facility" | "user";
                                    ownerUserId: number | null;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/insights/license-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many organizations hold each license type per state, published only for groups of at least INSIGHTS_MIN_ORGANIZATIONS (rule 12) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            minOrganizations: number;
                            groups: {
                                state: string;
                                licenseType: string;
                                organizations: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute every audit hash chain (one per organization); reports tampered rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            count: number;
                            chains: {
                                chain: string;
                                organizationId: number | null;
                                count: number;
                                headHash: string;
                                ok: boolean;
                                brokenAtId?: number;
                                reason?: string;
                            }[];
                            brokenAtId?: number;
                            brokenChain?: string;
                            reason?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/vendor-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vendor keys set, by state and environment (fingerprints only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            vendorKeys: {
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                fingerprint: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platform/vendor-keys/{state}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or replace the vendor key of a state */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    state: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default production
                         * @enum {string}
                         */
                        environment?: "production" | "sandbox";
                        apiKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            fingerprint: string;
                            updatedAt: string;
                            verified: boolean;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove the vendor key of a state (destroys it); confirm with its fingerprint */
        delete: {
            parameters: {
                query?: {
                    environment?: "production" | "sandbox";
                };
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    state: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confirm?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrc keys of your organization: status, licenses, report (never the key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            credentials: {
                                id: number;
                                provider: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                                fingerprint: string;
                                /** @enum {string} */
                                status: "unverified" | "valid" | "invalid" | "expired";
                                statusReason: string | null;
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                                licenses: {
                                    id: number;
                                    number: string;
                                    name: string;
                                }[];
                                lastVerifiedAt: string | null;
                                lastUsedAt: string | null;
                                keyAgeDays: number;
                                expiresSoon: boolean;
                                report: {
                                    verifiedAt: string;
                                    state: string;
                                    /** @enum {string} */
                                    environment: "production" | "sandbox";
                                    keyAccepted: boolean;
                                    available: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                    }[];
                                    licenses: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                        covered: boolean;
                                        sections: {
                                            section: string;
                                            label: string;
                                            /** @enum {string} */
                                            status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                            httpStatus: number | null;
                                        }[];
                                    }[];
                                    uncovered: string[];
                                    diagnosis: {
                                        code: string;
                                        message: string;
                                        licenses?: string[];
                                        sections?: {
                                            license: string;
                                            section: string;
                                        }[];
                                        otherState?: string;
                                    } | null;
                                } | null;
                                createdAt: string;
                                updatedAt: string;
                                sameKeyAs?: {
                                    id: number;
                                    /** @enum {string} */
                                    kind: "facility" | "user";
                                    ownerUserId: number | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Verify & Save a Metrc key: saved only if Metrc accepts it for every selected license */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        state: string;
                        /**
                         * @default production
                         * @enum {string}
                         */
                        environment?: "production" | "sandbox";
                        /** @enum {string} */
                        kind: "facility" | "user";
                        ownerUserId?: number;
                        licenseNumbers?: string[];
                        apiKey?: string;
                        qrImage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            provider: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            /** @enum {string} */
                            kind: "facility" | "user";
                            ownerUserId: number | null;
                            fingerprint: string;
                            /** @enum {string} */
                            status: "unverified" | "valid" | "invalid" | "expired";
                            statusReason: string | null;
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                            licenses: {
                                id: number;
                                number: string;
                                name: string;
                            }[];
                            lastVerifiedAt: string | null;
                            lastUsedAt: string | null;
                            keyAgeDays: number;
                            expiresSoon: boolean;
                            report: {
                                verifiedAt: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                keyAccepted: boolean;
                                available: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                }[];
                                licenses: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                    covered: boolean;
                                    sections: {
                                        section: string;
                                        label: string;
                                        /** @enum {string} */
                                        status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                        httpStatus: number | null;
                                    }[];
                                }[];
                                uncovered: string[];
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sameKeyAs?: {
                                id: number;
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One credential with its last verification report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            provider: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            /** @enum {string} */
                            kind: "facility" | "user";
                            ownerUserId: number | null;
                            fingerprint: string;
                            /** @enum {string} */
                            status: "unverified" | "valid" | "invalid" | "expired";
                            statusReason: string | null;
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                            licenses: {
                                id: number;
                                number: string;
                                name: string;
                            }[];
                            lastVerifiedAt: string | null;
                            lastUsedAt: string | null;
                            keyAgeDays: number;
                            expiresSoon: boolean;
                            report: {
                                verifiedAt: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                keyAccepted: boolean;
                                available: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                }[];
                                licenses: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                    covered: boolean;
                                    sections: {
                                        section: string;
                                        label: string;
                                        /** @enum {string} */
                                        status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                        httpStatus: number | null;
                                    }[];
                                }[];
                                uncovered: string[];
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sameKeyAs?: {
                                id: number;
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a credential and destroy its key; confirm with its fingerprint */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confirm?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Replace the key and/or change the licenses; re-verified before anything changes */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        licenseNumbers?: string[];
                        apiKey?: string;
                        qrImage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            provider: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            /** @enum {string} */
                            kind: "facility" | "user";
                            ownerUserId: number | null;
                            fingerprint: string;
                            /** @enum {string} */
                            status: "unverified" | "valid" | "invalid" | "expired";
                            statusReason: string | null;
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                            licenses: {
                                id: number;
                                number: string;
                                name: string;
                            }[];
                            lastVerifiedAt: string | null;
                            lastUsedAt: string | null;
                            keyAgeDays: number;
                            expiresSoon: boolean;
                            report: {
                                verifiedAt: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                keyAccepted: boolean;
                                available: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                }[];
                                licenses: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                    covered: boolean;
                                    sections: {
                                        section: string;
                                        label: string;
                                        /** @enum {string} */
                                        status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                        httpStatus: number | null;
                                    }[];
                                }[];
                                uncovered: string[];
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sameKeyAs?: {
                                id: number;
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/credentials/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-verify a saved key now and update its status and diagnosis */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            provider: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            /** @enum {string} */
                            kind: "facility" | "user";
                            ownerUserId: number | null;
                            fingerprint: string;
                            /** @enum {string} */
                            status: "unverified" | "valid" | "invalid" | "expired";
                            statusReason: string | null;
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                            licenses: {
                                id: number;
                                number: string;
                                name: string;
                            }[];
                            lastVerifiedAt: string | null;
                            lastUsedAt: string | null;
                            keyAgeDays: number;
                            expiresSoon: boolean;
                            report: {
                                verifiedAt: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                keyAccepted: boolean;
                                available: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                }[];
                                licenses: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                    covered: boolean;
                                    sections: {
                                        section: string;
                                        label: string;
                                        /** @enum {string} */
                                        status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                        httpStatus: number | null;
                                    }[];
                                }[];
                                uncovered: string[];
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sameKeyAs?: {
                                id: number;
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/credentials/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a key without saving it: what it may do at each license (writes nothing, never replaces a saved key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        state: string;
                        /**
                         * @default production
                         * @enum {string}
                         */
                        environment?: "production" | "sandbox";
                        licenseNumbers?: string[];
                        apiKey?: string;
                        qrImage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            verifiedAt: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            keyAccepted: boolean;
                            available: {
                                number: string;
                                name: string;
                                licenseType: string;
                            }[];
                            licenses: {
                                number: string;
                                name: string;
                                licenseType: string;
                                covered: boolean;
                                sections: {
                                    section: string;
                                    label: string;
                                    /** @enum {string} */
                                    status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                    httpStatus: number | null;
                                }[];
                            }[];
                            uncovered: string[];
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One-time key links of your organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                id: number;
                                userId: number;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                createdAt: string;
                                expiresAt: string;
                                usedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a 24-hour one-time link for a member to enter their own Metrc key */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: number;
                        state: string;
                        /**
                         * @default production
                         * @enum {string}
                         */
                        environment?: "production" | "sandbox";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            token: string;
                            link: {
                                id: number;
                                userId: number;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                createdAt: string;
                                expiresAt: string;
                                usedAt: string | null;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a one-time key link */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/intake/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a one-time key link is for (no sign-in needed; the link is the permission) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: string;
                            person: string;
                            state: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Verify & Save your own key through a one-time link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apiKey?: string;
                        qrImage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            provider: string;
                            state: string;
                            /** @enum {string} */
                            environment: "production" | "sandbox";
                            /** @enum {string} */
                            kind: "facility" | "user";
                            ownerUserId: number | null;
                            fingerprint: string;
                            /** @enum {string} */
                            status: "unverified" | "valid" | "invalid" | "expired";
                            statusReason: string | null;
                            diagnosis: {
                                code: string;
                                message: string;
                                licenses?: string[];
                                sections?: {
                                    license: string;
                                    section: string;
                                }[];
                                otherState?: string;
                            } | null;
                            licenses: {
                                id: number;
                                number: string;
                                name: string;
                            }[];
                            lastVerifiedAt: string | null;
                            lastUsedAt: string | null;
                            keyAgeDays: number;
                            expiresSoon: boolean;
                            report: {
                                verifiedAt: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                keyAccepted: boolean;
                                available: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                }[];
                                licenses: {
                                    number: string;
                                    name: string;
                                    licenseType: string;
                                    covered: boolean;
                                    sections: {
                                        section: string;
                                        label: string;
                                        /** @enum {string} */
                                        status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                        httpStatus: number | null;
                                    }[];
                                }[];
                                uncovered: string[];
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                            } | null;
                            createdAt: string;
                            updatedAt: string;
                            sameKeyAs?: {
                                id: number;
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts of your organization, newest first (open, resolved, or both) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved";
                    kind?: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                    licenseId?: string;
                    limit?: string;
                    before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                id: number;
                                /** @enum {string} */
                                kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                                subjectKey: string;
                                licenseId: number | null;
                                /** @enum {string} */
                                severity: "info" | "warning" | "critical";
                                title: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                status: "open" | "resolved";
                                raisedAt: string;
                                lastSeenAt: string;
                                resolvedAt: string | null;
                                acknowledgedAt: string | null;
                                acknowledgedByUserId: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which alert kinds reach which role, in the console and by e-mail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                /** @enum {string} */
                                kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                                console: boolean;
                                email: boolean;
                                onResolve: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        /** Change preferences for some (role, kind) pairs; the others keep theirs */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        preferences: {
                            /** @enum {string} */
                            role: "admin" | "manager" | "staff";
                            /** @enum {string} */
                            kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                            console: boolean;
                            email: boolean;
                            onResolve: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            preferences: {
                                /** @enum {string} */
                                role: "admin" | "manager" | "staff";
                                /** @enum {string} */
                                kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                                console: boolean;
                                email: boolean;
                                onResolve: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: each e-mail and webhook, its status and every attempt */
        get: {
            parameters: {
                query?: {
                    alertId?: string;
                    status?: "pending" | "delivered" | "failed";
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                id: number;
                                alertId: number;
                                /** @enum {string} */
                                event: "raised" | "resolved";
                                /** @enum {string} */
                                channel: "email" | "webhook";
                                target: string;
                                messageId: string;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed";
                                attempts: number;
                                nextAttemptAt: string | null;
                                lastError: string | null;
                                createdAt: string;
                                deliveredAt: string | null;
                                log: {
                                    attempt: number;
                                    attemptedAt: string;
                                    /** @enum {string} */
                                    outcome: "delivered" | "failed";
                                    statusCode: number | null;
                                    error: string | null;
                                    durationMs: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every alert condition now and send what became due */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            raised: number;
                            refreshed: number;
                            resolved: number;
                            failedSources: string[];
                            delivered: number;
                            failed: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                            subjectKey: string;
                            licenseId: number | null;
                            /** @enum {string} */
                            severity: "info" | "warning" | "critical";
                            title: string;
                            details: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "open" | "resolved";
                            raisedAt: string;
                            lastSeenAt: string;
                            resolvedAt: string | null;
                            acknowledgedAt: string | null;
                            acknowledgedByUserId: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an alert as seen (it still resolves by itself when the condition clears) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            kind: "key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift";
                            subjectKey: string;
                            licenseId: number | null;
                            /** @enum {string} */
                            severity: "info" | "warning" | "critical";
                            title: string;
                            details: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            status: "open" | "resolved";
                            raisedAt: string;
                            lastSeenAt: string;
                            resolvedAt: string | null;
                            acknowledgedAt: string | null;
                            acknowledgedByUserId: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of your organization (never their signing secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                id: number;
                                url: string;
                                description: string;
                                kinds: string[];
                                onResolve: boolean;
                                enabled: boolean;
                                secretFingerprint: string;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an endpoint; the answer holds its signing secret, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        description?: string;
                        kinds?: ("key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift")[];
                        onResolve?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoint: {
                                id: number;
                                url: string;
                                description: string;
                                kinds: string[];
                                onResolve: boolean;
                                enabled: boolean;
                                secretFingerprint: string;
                                createdAt: string;
                                updatedAt: string;
                            };
                            /** @description The Standard Webhooks signing secret (whsec_…); shown only now */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an endpoint and destroy its signing secret */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the URL, kinds, resolve notices or enable/disable an endpoint */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        description?: string;
                        kinds?: ("key_invalid" | "key_expiring" | "license_not_syncing" | "submission_failed" | "submission_held" | "submission_overdue" | "package_on_hold" | "lab_test_failed" | "package_expiring" | "quantity_drift")[];
                        onResolve?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            url: string;
                            description: string;
                            kinds: string[];
                            onResolve: boolean;
                            enabled: boolean;
                            secretFingerprint: string;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); the old one stops at once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoint: {
                                id: number;
                                url: string;
                                description: string;
                                kinds: string[];
                                onResolve: boolean;
                                enabled: boolean;
                                secretFingerprint: string;
                                createdAt: string;
                                updatedAt: string;
                            };
                            /** @description The Standard Webhooks signing secret (whsec_…); shown only now */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anonymous aggregates across organizations, each over at least INSIGHTS_MIN_ORGANIZATIONS */
        get: {
            parameters: {
                query?: {
                    metric?: "inventory_age" | "sales_mix" | "lab_pass_rate";
                    group?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            minOrganizations: number;
                            groups: {
                                /** @enum {string} */
                                metric: "inventory_age" | "sales_mix" | "lab_pass_rate";
                                group: string;
                                organizations: number;
                                values: {
                                    [key: string]: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insights/participation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether your organization contributes to insights */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            optedIn: boolean;
                            changedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        /** Opt in to (or out of) contributing to anonymous insights */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        optedIn: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            optedIn: boolean;
                            changedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this deployment lets anyone sign up an organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign up: an organization, its first admin and a verified facility key; created only if the key holds an active license */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organization: string;
                        name: string;
                        /** Format: email */
                        email: string;
                        password: string;
                        state: string;
                        /**
                         * @default production
                         * @enum {string}
                         */
                        environment?: "production" | "sandbox";
                        apiKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                id: number;
                                name: string;
                                slug: string;
                            };
                            credential: {
                                id: number;
                                provider: string;
                                state: string;
                                /** @enum {string} */
                                environment: "production" | "sandbox";
                                /** @enum {string} */
                                kind: "facility" | "user";
                                ownerUserId: number | null;
                                fingerprint: string;
                                /** @enum {string} */
                                status: "unverified" | "valid" | "invalid" | "expired";
                                statusReason: string | null;
                                diagnosis: {
                                    code: string;
                                    message: string;
                                    licenses?: string[];
                                    sections?: {
                                        license: string;
                                        section: string;
                                    }[];
                                    otherState?: string;
                                } | null;
                                licenses: {
                                    id: number;
                                    number: string;
                                    name: string;
                                }[];
                                lastVerifiedAt: string | null;
                                lastUsedAt: string | null;
                                keyAgeDays: number;
                                expiresSoon: boolean;
                                report: {
                                    verifiedAt: string;
                                    state: string;
                                    /** @enum {string} */
                                    environment: "production" | "sandbox";
                                    keyAccepted: boolean;
                                    available: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                    }[];
                                    licenses: {
                                        number: string;
                                        name: string;
                                        licenseType: string;
                                        covered: boolean;
                                        sections: {
                                            section: string;
                                            label: string;
                                            /** @enum {string} */
                                            status: "granted" | "missing_permission" | "not_expected" | "not_offered" | "error";
                                            httpStatus: number | null;
                                        }[];
                                    }[];
                                    uncovered: string[];
                                    diagnosis: {
                                        code: string;
                                        message: string;
                                        licenses?: string[];
                                        sections?: {
                                            license: string;
                                            section: string;
                                        }[];
                                        otherState?: string;
                                    } | null;
                                } | null;
                                createdAt: string;
                                updatedAt: string;
                                sameKeyAs?: {
                                    id: number;
                                    /** @enum {string} */
                                    kind: "facility" | "user";
                                    ownerUserId: number | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mirror/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Packages as last pulled from Metrc, filtered and paged */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                    itemId?: string;
                    itemName?: string;
                    category?: string;
                    locationId?: string;
                    locationName?: string;
                    status?: "active" | "onhold" | "inactive" | "intransit";
                    expiringBefore?: string;
                    label?: string;
                    limit?: string;
                    offset?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            packages: {
                                id: number;
                                licenseId: number;
                                metrcId: number;
                                label: string;
                                status: string;
                                itemId: number | null;
                                itemName: string | null;
                                category: string | null;
                                locationId: number | null;
                                locationName: string | null;
                                quantity: number | null;
                                unit: string | null;
                                expirationDate: string | null;
                                useByDate: string | null;
                                labTestingState: string | null;
                                packagedDate: string | null;
                                lastModified: string;
                                syncedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mirror/plants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plants as last pulled from Metrc, paged */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                    status?: string;
                    limit?: string;
                    offset?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            records: {
                                licenseId: number;
                                metrcId: string;
                                status: string;
                                label: string | null;
                                lastModified: string | null;
                                syncedAt: string;
                                record: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mirror/harvests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Harvests as last pulled from Metrc, paged */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                    status?: string;
                    limit?: string;
                    offset?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            records: {
                                licenseId: number;
                                metrcId: string;
                                status: string;
                                label: string | null;
                                lastModified: string | null;
                                syncedAt: string;
                                record: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mirror/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receipts as last pulled from Metrc, paged */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                    status?: string;
                    limit?: string;
                    offset?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            records: {
                                licenseId: number;
                                metrcId: string;
                                status: string;
                                label: string | null;
                                lastModified: string | null;
                                syncedAt: string;
                                record: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mirror/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfers as last pulled from Metrc, paged */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                    status?: string;
                    limit?: string;
                    offset?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            records: {
                                licenseId: number;
                                metrcId: string;
                                status: string;
                                label: string | null;
                                lastModified: string | null;
                                syncedAt: string;
                                record: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A license's inventory summary from the mirror */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            licenseId: number;
                            packagesByStatus: {
                                [key: string]: number;
                            };
                            activeByCategory: {
                                category: string | null;
                                unit: string | null;
                                packages: number;
                                quantity: number;
                            }[];
                            expiringWithin30Days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync checkpoints per license and resource, backfill progress, gaps healed */
        get: {
            parameters: {
                query?: {
                    licenseId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            licenses: {
                                licenseId: number;
                                licenseNumber: string;
                                hasFacilityKey: boolean;
                                keyStatus: string | null;
                                paused: boolean;
                                pausedReason: string | null;
                                refreshRequestedAt: string | null;
                                streams: {
                                    stream: string;
                                    resource: string;
                                    status: string;
                                    watermark: string | null;
                                    backfillFrom: string | null;
                                    backfillDone: boolean;
                                    progress: number;
                                    recordsStored: number;
                                    rejected: number;
                                    pagesFetched: number;
                                    lastRunAt: string | null;
                                    lastSuccessAt: string | null;
                                    lastErrorCode: string | null;
                                }[];
                                gapsHealed: {
                                    stream: string;
                                    windowStart: string;
                                    windowEnd: string;
                                    metrcTotal: number;
                                    localBefore: number;
                                    localAfter: number;
                                    healed: number;
                                    detectedAt: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh now: the worker pulls this license (or one resource) within seconds */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        resource?: "facilities" | "employees" | "items" | "strains" | "locations" | "packages" | "plants" | "plant_batches" | "harvests" | "receipts" | "transfers" | "lab_results";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requestedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an action to Metrc (accepted at once, sent in order by the outbox)
         * @description `kind` is one of `GET /api/submission-kinds`. Accepts an `Idempotency-Key` header: the same key with the same body returns the first answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    /** @description License number or id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: string;
                        payload: unknown;
                        /** @description Who acted. API tokens must name a member; signed-in people are the actor. */
                        actor?: {
                            userId?: number;
                            externalRef?: string;
                        };
                        /** @description When it happened, ISO-8601 with a zone; every Metrc date comes from it. Default: now. */
                        occurredAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}/sales-receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a sales receipt (kind sales.receipt.create)
         * @description SalesDateTime is `occurredAt` in the license's local time. Accepts an `Idempotency-Key` header: the same key with the same body returns the first answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    /** @description License number or id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        receipt: unknown;
                        /** @description Who acted. API tokens must name a member; signed-in people are the actor. */
                        actor?: {
                            userId?: number;
                            externalRef?: string;
                        };
                        /** @description When it happened, ISO-8601 with a zone; every Metrc date comes from it. Default: now. */
                        occurredAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submission-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action kinds the outbox reports, with the license feature each needs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kinds: {
                                kind: string;
                                family: string;
                                title: string;
                                feature: string;
                                batchable: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The submissions log, newest first (rule 10) */
        get: {
            parameters: {
                query?: {
                    license?: string;
                    user?: string;
                    status?: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                    kind?: string;
                    attribution?: "own" | "facility";
                    from?: string;
                    to?: string;
                    beforeId?: string;
                    /** @description Only overdue ones: still queued or sending `overdueAfterMs` after they were created (what the `submission_overdue` alert counts). */
                    overdue?: "true" | "false";
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            submissions: {
                                id: number;
                                licenseId: number;
                                kind: string;
                                /** @enum {string} */
                                status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                                holdReason: string | null;
                                reference: string;
                                actorUserId: number | null;
                                occurredAt: string;
                                attempts: number;
                                nextAttemptAt: string | null;
                                /** @enum {string|null} */
                                attribution: "own" | "facility" | null;
                                attributed: boolean | null;
                                credentialId: number | null;
                                keyFingerprint: string | null;
                                metrcIds: number[] | null;
                                lastError: {
                                    code: string;
                                    message: string;
                                    rows?: {
                                        row: number | null;
                                        message: string;
                                    }[];
                                    httpStatus?: number;
                                } | null;
                                releasedByUserId: number | null;
                                releasedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                sentAt: string | null;
                            }[];
                            /** @description The server's overdue age (OUTBOX_OVERDUE_HOURS), in ms. */
                            overdueAfterMs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One submission, with its payload and Metrc's answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            payload: unknown;
                            metrcAnswer: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submissions/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed submission again, optionally with a fixed payload (audited) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payload?: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            payload: unknown;
                            metrcAnswer: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submissions/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give up on a failed or held submission: it is never sent (audited) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            payload: unknown;
                            metrcAnswer: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/submissions/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a held submission: it goes out under the license's facility key, not attributed (rule 6, audited) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            licenseId: number;
                            kind: string;
                            /** @enum {string} */
                            status: "queued" | "held" | "sending" | "sent" | "failed" | "dismissed";
                            holdReason: string | null;
                            reference: string;
                            actorUserId: number | null;
                            occurredAt: string;
                            attempts: number;
                            nextAttemptAt: string | null;
                            /** @enum {string|null} */
                            attribution: "own" | "facility" | null;
                            attributed: boolean | null;
                            credentialId: number | null;
                            keyFingerprint: string | null;
                            metrcIds: number[] | null;
                            lastError: {
                                code: string;
                                message: string;
                                rows?: {
                                    row: number | null;
                                    message: string;
                                }[];
                                httpStatus?: number;
                            } | null;
                            releasedByUserId: number | null;
                            releasedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            sentAt: string | null;
                            payload: unknown;
                            metrcAnswer: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused license by hand (saving a verified key resumes it on its own) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    /** @description License number or id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            resumed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/personal-key-policies/{state}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether uploads in a state must go out under the actor's own key (rule 6) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    state: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                            required: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        /** Require (or not) personal keys for uploads in a state (audited) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    state: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        required: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            state: string;
                            required: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/external-ref": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Your own reference for a member (POS staff id): API tokens name actors by it */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
                    "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalRef: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            userId: number;
                            externalRef: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            message: string;
                            details?: unknown;
                            requestId: string;
                        };
                    };
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: {
        /** @description Makes the write safe to retry for 24 h: the same key with the same request returns the first answer (header `Idempotent-Replayed: true`); with another request, 409 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_PROGRESS`. 1–255 characters of `A-Z a-z 0-9 - _ . : ~ + / =`, e.g. a UUID. Scoped to the caller; ignored on public routes. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
