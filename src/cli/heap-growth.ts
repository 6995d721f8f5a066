/**
 * How far V8 lets the heap grow past what a full collection found alive. Its default (up to 4×)
 * suits short bursts; a long-running gateway that turns hundreds of megabytes of Metrc JSON into
 * garbage (a sync's initial pull: ~3.8 kB per package, parsed and kept whole) would otherwise
 * sit at 4× a ~35 MB live heap. 1.5× keeps the process ~100 MB smaller for the same throughput
 * (bench/sync.ts: peak RSS 208 MB instead of ~300 MB, fraction of the vendor limit unchanged);
 * full collections of a small live heap are cheap and mostly concurrent.
 * Applied by the CLI before anything is loaded, so `tracegate start`, `tracegate sync` and the
 * sync benchmark run with it.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  if (process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
