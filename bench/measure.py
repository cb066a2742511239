#!/usr/bin/env python3
"""Runs each benchmark command several times and prints medians side by side.

Wall and CPU seconds and peak RSS come from os.wait4 (the child's own rusage), so the numbers
are per command, not per script. Usage: measure.py --runs N --corpus DIR --bytes B -- NAME=CMD ...
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, code, err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bytes", type=int, required=True, help="corpus size in bytes, for MB/s")
    parser.add_argument("--reference", default="rg", help="name of the command ratios are taken against")
    parser.add_argument("commands", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args()
    rows = []
    for spec in args.commands:
        name, cmd = spec.split("=", 1)
        walls, cpus, rsss, codes = [], [], [], set()
        for _ in range(args.runs):
            wall, cpu, rss, code, err = run_once(cmd)
            walls.append(wall)
            cpus.append(cpu)
            rsss.append(rss)
            codes.add(code)
            if code not in (0, 1):
                print(f"warning: {name} exited {code}: {err.strip()[:300]}", file=sys.stderr)
        rows.append((name, statistics.median(walls), statistics.median(cpus), max(rsss), sorted(codes)))
    ref = next((r for r in rows if r[0] == args.reference), rows[0])
    mb = args.bytes / 1e6
    print(f"corpus: {mb:.1f} MB, median of {args.runs} runs each")
    print(f"{'command':<18} {'wall s':>8} {'cpu s':>8} {'MB/s':>8} {'peak RSS MB':>12} {'x ' + ref[0]:>8}  exit")
    for name, wall, cpu, rss, codes in rows:
        print(f"{name:<18} {wall:8.3f} {cpu:8.3f} {mb / wall:8.1f} {rss:12.1f} {wall / ref[1]:8.2f}  {codes}")


if __name__ == "__main__":
    main()
