"""What the suite may not change: the files of the working tree, and the media folders that
.gitignore hides (uploads written there would pile up between runs unseen)."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IGNORED_MEDIA = ("media", "private-media")


def snapshot() -> set[str] | None:
    """Each changed or new file git reports, each file under the ignored media folders, with
    its size and modification time; ``None`` outside a git checkout."""
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "-z"],
                            cwd=ROOT, capture_output=True, text=True)
    if status.returncode != 0:
        return None
    paths = [entry[3:] for entry in status.stdout.split("\0") if entry]
    paths += [str(path.relative_to(ROOT)) for folder in IGNORED_MEDIA
              for path in (ROOT / folder).rglob("*") if path.is_file()]
    return {_described(path) for path in paths}


def _described(relative: str) -> str:
    path = ROOT / relative
    if not path.exists():
        return f"{relative} (deleted)"
    stat = path.stat()
    return f"{relative} ({stat.st_size} bytes, modified {stat.st_mtime_ns})"
