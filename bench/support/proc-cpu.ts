/**
 * CPU time read from Linux's /proc, for splitting a bench's cost between the processes that
 * share the machine (Tracegate's workers report their own; the emulator and PostgreSQL do not).
 * Per-process CPU per request is steadier than a rate when runs vary by ± 15 %: it says what a
 * change saved even where requests/s cannot. Elsewhere than Linux every reading is null.
 *
 * @example
 * const before = readCpu([emulator.pid]);
 * // … the measured work …
 * const spent = cpuSince(before); // { processesMs, machineMs } or null
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const msPerTick = 1000 / ticksPerSecond;

/** utime + stime of one process, in ticks; null when it is gone (or there is no /proc). */
function processTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Every core's busy time (all but idle and iowait), in ticks; null without /proc. */
function machineTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
    const [user, nice, system, , , irq, softirq, steal] = cpu.slice(1).map(Number);
    return [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
  } catch {
    return null;
  }
}

export interface CpuReading {
  processes: Map<number, number>;
  machine: number | null;
}

export function readCpu(pids: readonly number[]): CpuReading {
  const processes = new Map<number, number>();
  for (const pid of pids) {
    const ticks = processTicks(pid);
    if (ticks !== null) processes.set(pid, ticks);
  }
  return { processes, machine: machineTicks() };
}

/**
 * CPU spent since `before` by its processes and by `laterPids` (processes that may have started
 * since: counted whole), and by the machine; null without /proc.
 */
export function cpuSince(
  before: CpuReading,
  laterPids: readonly number[] = [],
): { processesMs: number; machineMs: number } | null {
  const now = machineTicks();
  if (now === null || before.machine === null) return null;
  let ticks = 0;
  for (const pid of new Set([...before.processes.keys(), ...laterPids])) {
    const at = processTicks(pid);
    if (at !== null) ticks += at - (before.processes.get(pid) ?? 0);
  }
  return { processesMs: ticks * msPerTick, machineMs: (now - before.machine) * msPerTick };
}
