"""A private CUPS server with a cups-pdf queue, for tests that print for real.

There is no init system in CI, so the test starts ``cupsd`` itself, in the
foreground, on a socket and configuration of its own; the print commands it
runs get ``CUPS_SERVER`` pointing there. cups-pdf writes each job to
``~/PDF`` of the user who printed (its Debian configuration).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def available() -> bool:
    return (
        shutil.which("cupsd") is not None
        and shutil.which("lpadmin") is not None
        and PPD.exists()
        and os.geteuid() == 0  # cupsd and the cups-pdf backend run as root
    )


@dataclass
class Cups:
    socket: Path
    queue: str

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def output(self, title: str, timeout: float = 60) -> Path:
        """The PDF cups-pdf wrote for the job titled ``title`` (waits for it)."""
        places = [Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF", Path("/var/spool/cups-pdf")]
        deadline = time.monotonic() + timeout
        sizes: dict[Path, int] = {}
        while time.monotonic() < deadline:
            for place in places:
                for path in place.rglob(f"{title}*.pdf") if place.exists() else []:
                    # Finished when its size held still for a poll and it reads as a PDF.
                    size, before = path.stat().st_size, sizes.get(path)
                    sizes[path] = size
                    if size and size == before:
                        done = subprocess.run(["pdfinfo", str(path)], capture_output=True)
                        if done.returncode == 0:
                            return path
            time.sleep(0.25)
        log = self.socket.parent / "log" / "error_log"
        raise AssertionError(
            f"no PDF for job {title}; " + (log.read_text()[-2000:] if log.exists() else "")
        )


@contextmanager
def cups_pdf_server() -> Iterator[Cups]:
    root = Path(tempfile.mkdtemp(prefix="motcua-cups-"))
    # cupsd hands spool files to filters running as user lp.
    root.chmod(0o755)
    for name in ("conf", "spool", "cache", "state", "log", "tmp"):
        (root / name).mkdir()
        (root / name).chmod(0o755)
    (root / "tmp").chmod(0o1777)
    (root / "conf" / "ppd").mkdir()
    socket = root / "cups.sock"
    (root / "conf" / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (root / "conf" / "cups-files.conf").write_text(
        f"ServerRoot {root}/conf\nRequestRoot {root}/spool\nTempDir {root}/tmp\n"
        f"CacheDir {root}/cache\nStateDir {root}/state\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n"
        "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nSandboxing Relaxed\n"
    )
    proc = subprocess.Popen(
        [
            "cupsd",
            "-f",
            "-c",
            str(root / "conf" / "cupsd.conf"),
            "-s",
            str(root / "conf" / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("cupsd did not start")
            time.sleep(0.05)
        cups = Cups(socket, f"MotCuaPDF{os.getpid()}")
        subprocess.run(
            ["lpadmin", "-p", cups.queue, "-E", "-v", "cups-pdf:/", "-P", str(PPD)],
            env=cups.env,
            check=True,
            capture_output=True,
        )
        yield cups
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(15)
        shutil.rmtree(root, ignore_errors=True)
