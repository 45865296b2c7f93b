"""Check the links of the documentation (README.md, HISTORY.md, docs/*.md): every relative link and
image points to a file that exists, and every #anchor to a heading of its file (GitHub's slugs).

Run by `make lint` (pre-commit); exits 1 and lists the broken links."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)\s]+)\)|src=\"([^\"]+)\"")


def slug(heading):
    """GitHub's anchor of a heading: lower case, markup and punctuation dropped, spaces as dashes."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {slug(heading) for heading in re.findall(r"^#{1,6} (.*)$", text, re.M)}


def broken_links(path):
    for match in LINK.finditer(path.read_text(encoding="utf-8")):
        link = match.group(1) or match.group(2)
        if re.match(r"[a-z]+:", link):
            continue
        target, _, anchor = link.partition("#")
        target_path = (path.parent / target).resolve() if target else path
        if not target_path.exists():
            yield f"{path.relative_to(ROOT)}: {link}: no such file"
        elif anchor and anchor not in anchors(target_path):
            yield f"{path.relative_to(ROOT)}: {link}: no such heading"


def main():
    files = [ROOT / "README.md", ROOT / "HISTORY.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = [line for path in files if path.exists() for line in broken_links(path)]
    for line in broken:
        print(line)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
