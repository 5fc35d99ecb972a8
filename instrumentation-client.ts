import { z } from 'zod';

/*
 * Runs in the browser before any page module. Zod compiles object schemas with `new Function` when
 * it may, and probes for that by calling Function(""), which our Content-Security-Policy (no
 * 'unsafe-eval') blocks and reports as a violation on every page. Switched off here, before the
 * first schema is built, so the probe never runs; the interpreted path zod falls back to is the
 * same code it would use after the probe failed.
 */
z.config({ jitless: true });
