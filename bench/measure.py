#!/usr/bin/env python3
"""Runs each benchmark command several times and prints medians side by side (stdlib only).

Wall and CPU seconds and peak RSS come from os.wait4 (the child's own rusage, which includes
the descendants it waited for), so the numbers are per command, not per script.

Usage:
  measure.py --runs N --bytes B [--reference NAME] [--ratio A/B ...] NAME=CMD ...
             [--peer NAME=CMD ... --peer-runs N --peer-timeout S]
  measure.py --scaling --runs N --bytes B NAME@K=CMD ...   (K = corpus multiplier, 1 is the base)

A run that exceeds its timeout is killed (its whole process group) and the command is not run
again: its row is a lower bound (`>1200.0` s wall, MB/s as an upper bound), CPU seconds and
peak RSS are what /proc showed at the kill (descendants not yet reaped by the tool included),
and every ratio that involves it is a bound (`>37.2x`), never an extrapolation.
Peak RSS is the largest single process (ru_maxrss semantics), not a sum over processes.
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def group_snapshot(pgid):
    """CPU seconds (own + reaped children) summed and largest VmHWM (MB) over a process group."""
    cpu, rss = 0.0, 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) != pgid:  # field 5 of stat: process group
                continue
            cpu += sum(int(x) for x in fields[11:15]) / CLK_TCK  # utime stime cutime cstime
            with open(f"/proc/{entry}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        rss = max(rss, int(line.split()[1]) / 1024.0)
        except (OSError, ValueError, IndexError):
            continue
    return cpu, rss


def run_once(cmd, timeout):
    """Returns (wall, cpu, rss_mb, exit_code, stderr_tail, timed_out)."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty tool cannot block
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
        killed = {}

        def kill():
            killed["snapshot"] = group_snapshot(proc.pid)
            killed["wall"] = time.perf_counter() - start
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        try:  # stray members of the group (the tool's workers) must not outlive the run
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        err.seek(0)
        tail = err.read()[-600:].decode(errors="replace").strip()
    cpu = usage.ru_utime + usage.ru_stime
    rss = usage.ru_maxrss / 1024.0
    if "snapshot" in killed:
        snap_cpu, snap_rss = killed["snapshot"]
        return killed["wall"], max(cpu, snap_cpu), max(rss, snap_rss), proc.returncode, tail, True
    return wall, cpu, rss, proc.returncode, tail, False


def measure(name, cmd, runs, timeout, log):
    walls, cpus, rsss, codes = [], [], [], set()
    timed_out = False
    for i in range(runs):
        wall, cpu, rss, code, tail, timed_out = run_once(cmd, timeout)
        if timed_out:
            print(f"  {name}: run {i + 1} killed after {timeout:.0f} s (lower bound)", file=log)
            walls, cpus, rsss, codes = [timeout], [cpu], [rss], {"killed"}
            break
        print(f"  {name}: run {i + 1}: {wall:.3f} s wall, {cpu:.3f} s cpu, {rss:.1f} MB", file=log)
        walls.append(wall)
        cpus.append(cpu)
        rsss.append(rss)
        codes.add(code)
        if code not in (0, 1):
            print(f"warning: {name} exited {code}: {tail[-300:]}", file=sys.stderr)
    return {
        "name": name, "command": cmd, "runs": len(walls),
        "wall": statistics.median(walls), "cpu": statistics.median(cpus), "rss": max(rsss),
        "lower_bound": timed_out, "exit": sorted(str(c) for c in codes),
    }


def ratio(a, b):
    """a/b as text, with > or < when either side is a lower bound."""
    value = a["wall"] / b["wall"]
    if a["lower_bound"] and b["lower_bound"]:
        return "?", None
    if a["lower_bound"]:
        return f">{value:.1f}x", value
    if b["lower_bound"]:
        return f"<{value:.2f}x", value
    return (f"{value:.2f}x" if value < 10 else f"{value:.1f}x"), value


def fmt(row, key, spec, bound):
    text = format(row[key], spec)
    return (bound + text) if row["lower_bound"] else text


def print_table(rows, mb, ref, out):
    print(f"{'command':<16} {'runs':>4} {'wall s':>9} {'cpu s':>9} {'MB/s':>8} {'peak RSS MB':>12} "
          f"{'x ' + ref['name']:>9}  exit", file=out)
    for row in rows:
        rate = mb / row["wall"]
        rate_text = (f"<{rate:.1f}" if row["lower_bound"] else f"{rate:.1f}")
        print(f"{row['name']:<16} {row['runs']:>4} {fmt(row, 'wall', '.3f', '>'):>9} "
              f"{fmt(row, 'cpu', '.3f', '>'):>9} {rate_text:>8} {fmt(row, 'rss', '.1f', '>='):>12} "
              f"{ratio(row, ref)[0]:>9}  {','.join(row['exit'])}", file=out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bytes", type=int, required=True, help="corpus size in bytes (1x), for MB/s")
    parser.add_argument("--reference", default="rg", help="name of the command the x column is taken against")
    parser.add_argument("--timeout", type=float, default=0, help="per-run timeout for commands, 0 = none")
    parser.add_argument("--peer", action="append", default=[], help="NAME=COMMAND, run --peer-runs times")
    parser.add_argument("--peer-runs", type=int, default=3)
    parser.add_argument("--peer-timeout", type=float, default=1200)
    parser.add_argument("--ratio", action="append", default=[], help="A/B: print wall(A)/wall(B)")
    parser.add_argument("--scaling", action="store_true", help="names are TOOL@K; ratios vs TOOL@1")
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    parser.add_argument("commands", nargs="*", help="NAME=COMMAND")
    args = parser.parse_args()
    log = sys.stderr
    jobs = [(spec, args.runs, args.timeout) for spec in args.commands]
    jobs += [(spec, args.peer_runs, args.peer_timeout) for spec in args.peer]
    rows = []
    for spec, runs, timeout in jobs:
        name, cmd = spec.split("=", 1)
        rows.append(measure(name, cmd, runs, timeout, log))
    mb = args.bytes / 1e6
    out = sys.stdout
    if args.scaling:
        print(f"scaling: base corpus {mb:.1f} MB; median of {args.runs} runs each", file=out)
        print(f"{'command':<14} {'corpus MB':>10} {'wall s':>9} {'cpu s':>9} {'MB/s':>8} {'peak RSS MB':>12} "
              f"{'time/1x':>8} {'RSS/1x':>7}", file=out)
        base = {r["name"].split("@")[0]: r for r in rows if r["name"].endswith("@1")}
        for row in rows:
            tool, k = row["name"].split("@")
            k = float(k)
            b = base.get(tool, row)
            row["time_ratio"] = row["wall"] / b["wall"]
            row["rss_ratio"] = row["rss"] / b["rss"]
            print(f"{row['name']:<14} {mb * k:>10.1f} {fmt(row, 'wall', '.3f', '>'):>9} "
                  f"{fmt(row, 'cpu', '.3f', '>'):>9} {mb * k / row['wall']:>8.1f} {row['rss']:>12.1f} "
                  f"{row['time_ratio']:>7.2f}x {row['rss_ratio']:>6.2f}x", file=out)
    else:
        ref = next((r for r in rows if r["name"] == args.reference), rows[0])
        runs_note = f"median of {args.runs} runs each"
        if args.peer:
            runs_note += f"; peers median of {args.peer_runs}, killed after {args.peer_timeout:.0f} s"
        print(f"corpus: {mb:.1f} MB, {runs_note}", file=out)
        print_table(rows, mb, ref, out)
        by_name = {r["name"]: r for r in rows}
        for spec in args.ratio:
            a, b = spec.split("/", 1)
            if a in by_name and b in by_name:
                text, _ = ratio(by_name[a], by_name[b])
                print(f"  {a}/{b}: {text}", file=out)
                by_name[a].setdefault("ratios", {})[spec] = text
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"bytes": args.bytes, "rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
