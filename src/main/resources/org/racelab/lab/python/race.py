# RaceLab's race on a real Python: argv = program (count|call|sleep), threads, increments.
# Prints one JSON line: version, freeThreaded, final, seconds. Reads nothing else, writes nothing else.
import json
import platform
import sys
import threading
import time

count = 0


def one():
    return 1


def run_count(n):
    global count
    for _ in range(n):
        count += 1


def run_call(n):
    global count
    for _ in range(n):
        count += one()


def run_sleep(n):
    global count
    for _ in range(n):
        tmp = count
        time.sleep(0)
        count = tmp + 1


def main():
    program, threads, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    body = {"count": run_count, "call": run_call, "sleep": run_sleep}[program]
    start = threading.Barrier(threads + 1)

    def worker():
        start.wait()
        body(n)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    start.wait()
    began = time.perf_counter()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - began
    gil = getattr(sys, "_is_gil_enabled", None)
    print(json.dumps({
        "executable": sys.executable,
        "version": platform.python_version(),
        "freeThreaded": gil is not None and not gil(),
        "final": count,
        "seconds": seconds,
    }))


main()
