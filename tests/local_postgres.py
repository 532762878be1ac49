"""A throwaway PostgreSQL server for the tests, run from the binaries the `pgserver` wheel ships.

`LocalPostgres` starts one server the first time a test asks for a database and stops it (and
deletes its files) at the end of the session; `new_database()` gives each test its own empty
database on it, so tests stay independent. The server listens on a Unix socket in its own
temporary folder only (no TCP port, nothing shared with other test runs on the machine), with
trust authentication and fsync off: it holds test data and nothing else.

Root. PostgreSQL refuses to run as root. `pgserver.get_server` handles that by creating a
system account (`useradd pgserver`) and widening the permissions of every folder from its data
folder and its binaries up to `/`; a test suite should not add accounts or change folder modes
on the machine it runs on. So when the tests run as root, this module runs `initdb`, `pg_ctl`
and the server as the existing unprivileged account `nobody` (with its own group and no
supplementary groups), in a temporary folder that account owns. If `nobody` cannot reach the
binaries where pip put them (a checkout under /root, mode 700), they are copied into the
temporary folder first. As any other user, the server simply runs as that user.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

#: Parametrize a test's `backend` with these to run it on both stores; the PostgreSQL runs
#: carry the `postgres` mark (`-m "not postgres"` leaves them out).
BACKENDS = (
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
)

#: The unprivileged account the server runs as when the tests run as root.
UNPRIVILEGED = "nobody"
#: Unix socket paths must stay under about 100 bytes.
MAX_SOCKET_DIR = 90


def _binaries() -> Path:
    """The `bin` folder of the PostgreSQL build inside the pgserver wheel.

    Found without importing pgserver: its import sets up a lock folder in the user's runtime
    directory that we do not use.
    """
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        raise RuntimeError("the pgserver package is not installed: pip install -e '.[dev]'")
    folder = Path(spec.origin).resolve().parent / "pginstall" / "bin"
    if not (folder / "postgres").exists():
        raise RuntimeError(f"the pgserver package has no PostgreSQL binaries in {folder}")
    return folder


class LocalPostgres:
    """One PostgreSQL server for the whole test session, started on first use."""

    def __init__(self) -> None:
        self._base: Path | None = None
        self._bin: Path | None = None
        self._names = itertools.count(1)
        self._account: pwd.struct_passwd | None = None

    # -- running commands as the server's account ------------------------------------------

    def _run(self, *args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL program, as `nobody` when we are root."""
        extra: dict[str, object] = {}
        if self._account is not None:
            extra = {
                "user": self._account.pw_uid,
                "group": self._account.pw_gid,
                "extra_groups": [],
            }
        return subprocess.run(
            [str(a) for a in args],
            cwd=self._base,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**_clean_environment(), "LC_ALL": "C"},
            check=False,
            **extra,  # type: ignore[arg-type]
        )

    def _usable_binaries(self) -> Path:
        """The binaries, copied to our folder if the server's account cannot run them where
        they are."""
        assert self._base is not None
        installed = _binaries()
        if self._account is None:
            return installed
        try:
            probe = self._run(installed / "postgres", "--version", timeout=30)
        except PermissionError:
            probe = None
        if probe is not None and probe.returncode == 0:
            return installed
        # The same layout as where pip put them: the binaries find their vendored shared
        # libraries through the RPATH $ORIGIN/../../../pgserver.libs.
        copy = self._base / "pgserver-copy"
        pginstall = copy / "pgserver" / "pginstall"
        shutil.copytree(
            installed.parent, pginstall, symlinks=True, ignore=shutil.ignore_patterns("include")
        )
        libs = installed.parent.parent.parent / "pgserver.libs"
        if libs.is_dir():
            shutil.copytree(libs, copy / "pgserver.libs", symlinks=True)
        for folder, _, files in os.walk(copy):
            os.chmod(folder, 0o755)
            for name in files:
                path = Path(folder) / name
                if not path.is_symlink():
                    path.chmod(path.stat().st_mode | 0o444)
        return pginstall / "bin"

    # -- life cycle --------------------------------------------------------------------------

    @property
    def data(self) -> Path:
        assert self._base is not None
        return self._base / "data"

    def start(self) -> None:
        """initdb and start the server (once)."""
        if self._base is not None:
            return
        if os.geteuid() == 0:
            try:
                self._account = pwd.getpwnam(UNPRIVILEGED)
            except KeyError:
                raise RuntimeError(
                    f"the tests run as root and PostgreSQL refuses root, but there is no "
                    f"{UNPRIVILEGED!r} account to run it as"
                ) from None
        self._base = Path(tempfile.mkdtemp(prefix="stretchbot-pg-", dir=_short_temp_dir()))
        atexit.register(self.stop)
        self._base.chmod(0o755)  # the server's account must reach its data folder
        self.data.mkdir(mode=0o700)
        if self._account is not None:
            os.chown(self.data, self._account.pw_uid, self._account.pw_gid)
        self._bin = self._usable_binaries()
        self._check(
            self._run(
                self._bin / "initdb",
                "--pgdata",
                self.data,
                "--username=postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ),
            "initdb",
        )
        options = " ".join(
            (
                "-c listen_addresses=''",
                f"-c unix_socket_directories='{self.data}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            )
        )
        self._check(
            self._run(
                self._bin / "pg_ctl",
                "start",
                "--pgdata",
                self.data,
                "--wait",
                "--timeout=60",
                "--silent",
                "--log",
                self.data / "server.log",
                "-o",
                options,
                timeout=90,
            ),
            "pg_ctl start",
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.data / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{what} failed ({result.returncode}): {result.stderr.strip()}\n{tail}"
            )

    def stop(self) -> None:
        """Stop the server at once and delete its files."""
        base = self._base
        if base is None:
            return
        try:
            if (self.data / "postmaster.pid").exists() and self._bin is not None:
                stopped = self._run(
                    self._bin / "pg_ctl", "stop", "--pgdata", self.data, "-m", "immediate", "-w"
                )
                if stopped.returncode != 0:
                    _kill_postmaster(self.data)
        finally:
            self._base = None
            shutil.rmtree(base, ignore_errors=True)

    # -- what tests use ----------------------------------------------------------------------

    def url(self, database: str = "postgres", *, password: str | None = None) -> str:
        """A `postgresql://` URL for `database` (trust authentication ignores any password)."""
        self.start()
        user = "postgres" if password is None else f"postgres:{password}"
        return f"postgresql://{user}@/{database}?host={self.data}"

    def admin(self) -> psycopg.Connection:
        """An autocommit connection to the `postgres` database, for setting up tests."""
        return psycopg.connect(self.url(), autocommit=True)

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} STRATEGY = FILE_COPY")
        return self.url(name)


def _short_temp_dir() -> str | None:
    """The temporary folder, unless its path is too long for a Unix socket inside it."""
    folder = tempfile.gettempdir()
    return folder if len(folder) < MAX_SOCKET_DIR - 40 else "/tmp"


def _clean_environment() -> dict[str, str]:
    """Our environment without libpq's PG* variables (a developer's PGHOST must not leak in)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def _kill_postmaster(data: Path) -> None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int((data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)
