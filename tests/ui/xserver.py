"""A private X server (Xvfb) for tests that drive the real window with real key events."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The display tried first; another free one is taken when it is in use.
PREFERRED_DISPLAY = int(os.environ.get("MOTCUA_TEST_DISPLAY", "29"))


def available() -> bool:
    return shutil.which("Xvfb") is not None and shutil.which("xdotool") is not None


def _free_display() -> int:
    for number in range(PREFERRED_DISPLAY, PREFERRED_DISPLAY + 50):
        if not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@contextmanager
def xvfb(
    width: int = 1366, height: int = 768, more_screens: tuple[tuple[int, int], ...] = ()
) -> Iterator[str]:
    """Start Xvfb at ``width``×``height``; yields the DISPLAY value.

    ``more_screens`` adds X screens ``:N.1``, ``:N.2``… of those sizes; Qt
    shows each as a QScreen of its own (a counter PC with a second monitor).
    """
    number = _free_display()
    screens: list[str] = []
    for index, (w, h) in enumerate(((width, height), *more_screens)):
        screens += ["-screen", str(index), f"{w}x{h}x24"]
    proc = subprocess.Popen(
        [
            "Xvfb",
            f":{number}",
            *screens,
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    try:
        deadline = time.monotonic() + 10
        env = {**os.environ, "DISPLAY": f":{number}"}
        # The socket appears before the server answers; ask it something.
        while (
            not socket.exists()
            or subprocess.run(["xmodmap"], env=env, capture_output=True).returncode
        ):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def xdotool(display: str, *args: str, timeout: float = 30) -> str:
    out = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return out.stdout.strip()


def map_letters(display: str, text: str) -> None:
    """Give every non-ASCII letter of ``text`` a key of its own in the X keymap.

    A counter PC's keyboard layout (or a scanner set to one key per letter)
    has these keys; without them ``xdotool`` remaps a spare key for each
    letter while typing, and a busy client may read the mapping after it was
    changed again. Done before the window starts, the keymap stays still.
    """
    env = {**os.environ, "DISPLAY": display}
    table = subprocess.run(
        ["xmodmap", "-pke"], env=env, capture_output=True, text=True, check=True
    ).stdout
    free = sorted(
        (
            int(line.split()[1])
            for line in table.splitlines()
            if line.startswith("keycode") and line.split("=", 1)[1].strip() == ""
        ),
        reverse=True,
    )
    letters = sorted({ch for ch in text if not ch.isascii()})
    if len(free) < len(letters):
        raise RuntimeError("not enough free key codes in the X keymap")
    expressions = []
    for code, ch in zip(free, letters, strict=False):
        keysym = f"U{ord(ch):04X}"
        expressions += ["-e", f"keycode {code} = {keysym} {keysym}"]
    subprocess.run(["xmodmap", *expressions], env=env, check=True)
