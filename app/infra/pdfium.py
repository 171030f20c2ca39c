"""The one lock every use of PDFium (through pypdfium2) takes.

PDFium keeps global state and is not thread-safe, so pages render one at a
time, whichever part of the program asks (capture importing a PDF, the print
preview drawing a form).
"""

from __future__ import annotations

import threading

LOCK = threading.Lock()
