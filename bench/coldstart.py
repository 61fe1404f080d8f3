#!/usr/bin/env python3
"""Cold start of an HTTP app: process start -> first 200 of GET $COLD_PATH (default /api/health) on loopback.

Variants are started in turn (A, B, C, A, B, C, ...) so that a load change on a shared machine hits all of them alike.
Per variant: median / min / max wall time, and the median CPU time (user + system, all threads) the process had used
when its first 200 arrived, which moves less with the machine's load than the wall time.

Usage: coldstart.py RUNS -- NAME DIR [VAR=value ...] COMMAND... [-- NAME DIR ...]
  {port} in COMMAND becomes a free loopback port, also given as FUNCTIONS_CUSTOMHANDLER_PORT (as the Functions host does).
"""
import os, socket, statistics, subprocess, sys, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def start_once(directory, words, path):
    port = free_port()
    env = dict(os.environ, FUNCTIONS_CUSTOMHANDLER_PORT=str(port))
    while words and "=" in words[0] and not words[0].startswith(("/", ".")):
        key, value = words[0].split("=", 1)
        env[key] = value
        words = words[1:]
    command = [w.replace("{port}", str(port)) for w in words]
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=directory, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = None
    try:
        while time.perf_counter() - started < 30 and process.poll() is None:
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=30)
            except OSError:
                time.sleep(0.001)  # not listening yet
                continue
            with connection:
                connection.sendall(request)
                answer = b""
                while b"\r\n" not in answer:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
            if answer.startswith(b"HTTP/1.1 200"):
                result = ((time.perf_counter() - started) * 1000, cpu_ms(process.pid))
                break
            time.sleep(0.001)
    finally:
        process.kill()
        process.wait()
    return result

def main():
    runs = int(sys.argv[1])
    variants, current = [], None
    for word in sys.argv[2:]:
        if word == "--":
            current = []
            variants.append(current)
        else:
            current.append(word)
    path = os.environ.get("COLD_PATH", "/api/health")
    results = {v[0]: [] for v in variants}
    print(f"load average before: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    for _ in range(runs):
        for name, directory, *words in variants:
            results[name].append(start_once(directory, words, path))
            time.sleep(0.3)
    for name, measured in results.items():
        ok = [m for m in measured if m]
        walls = sorted(m[0] for m in ok)
        if not walls:
            print(f"{name:16} never answered 200")
            continue
        print(f"{name:16} median {statistics.median(walls):5.0f} ms  (min {walls[0]:4.0f}, max {walls[-1]:5.0f}; {len(ok)}/{runs} starts)"
              f"  CPU median {statistics.median(m[1] for m in ok):4.0f} ms")
    print(f"load average after: {' '.join(open('/proc/loadavg').read().split()[:3])}")

if __name__ == "__main__":
    main()
