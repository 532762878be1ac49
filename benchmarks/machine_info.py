"""What machine a benchmark ran on: CPU model, cores, Python, platform and load average."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> dict[str, str]:
    """CPU model, cores, Python, platform and load average, each as printed."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load": load,
    }


def one_line(info: dict[str, str] | None = None) -> str:
    """`machine()` in one line: "AMD EPYC, 2 cores, Python 3.11.7, Linux-..., load average ..."."""
    info = info or machine()
    return (
        f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, {info['platform']}, "
        f"load average {info['load']}"
    )
