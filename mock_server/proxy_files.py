"""The recording proxy's folder: numbered JSON files, exchanges and notifications alike, at most `cap` in
all."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

logger = logging.getLogger("mock_server.proxy")


class RecordingFolder:
    """Writes `<name>.<NNNNN>.json` (NNNNN counting every file written) in `folder` or a subfolder of it; past
    `cap` files, writes nothing and says so once."""

    def __init__(self, folder: Path, cap: int) -> None:
        self.folder = folder
        self.cap = cap
        self.count = 0
        self._lock = threading.Lock()

    def write(self, name: str, payload: Any, subfolder: str | None = None) -> Path | None:
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        with self._lock:
            if self.count >= self.cap:
                if self.count == self.cap:
                    logger.warning("recordings cap (%d) reached: no more files are written", self.cap)
                    self.count += 1  # said once
                return None
            self.count += 1
            target = self.folder if subfolder is None else self.folder / subfolder
            target.mkdir(exist_ok=True)
            path = target / f"{name}.{self.count:05d}.json"
            path.write_text(text, encoding="utf-8")
            return path
