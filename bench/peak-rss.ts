/**
 * Peak resident memory of this process in MB. getrusage's maxRSS survives execve (getrusage(2):
 * "resource usage metrics are preserved across an execve"), so a child that bench/child.ts spawns
 * from a parent that peaked at 733 MB while drawing photos reports 733 MB whatever it used itself.
 * VmHWM belongs to the process's own memory map, which execve replaces: it is the child's own peak.
 * Falls back to maxRSS where /proc is not there.
 */
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    if (line) return Number(line.replace(/\D+/g, '')) / 1024;
  } catch {
    // No /proc (macOS): the inherited figure is the best there is.
  }
  return process.resourceUsage().maxRSS / 1024;
}
