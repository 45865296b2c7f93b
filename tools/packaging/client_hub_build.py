"""client_hub's build backend: whool (OCA's), on the addon's own files only.

whool packages every file git tracks in the folder that holds pyproject.toml and names the addon
after that folder. Here that folder is the repository's root: it also tracks the development tools,
CI, the bridges (each packaged on its own) and may be cloned under any name (a pip build of a git
URL clones it into a temporary folder). So this backend copies the addon's files into a folder
named `client_hub` and lets whool build from there, unchanged.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from whool import buildapi

ADDON = "client_hub"
ROOT = Path(__file__).resolve().parents[2]
# Never in the wheel: the repository's development side, and the bridges (wheels of their own).
EXCLUDED = (
    "tools/",
    "bridges/",
    ".ci/",
    ".github/",
    "Makefile",
    ".pre-commit-config.yaml",
    ".pylintrc",
    ".ruff.toml",
    ".gitignore",
)
# What an sdist keeps of them: this backend, to build its wheel.
SDIST_ONLY = ("tools/packaging/",)


def _tracked_files():
    """The repository's files as git lists them (a git checkout), else every file (an sdist)."""
    with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
        listed = subprocess.check_output(
            ["git", "ls-files", "-z"], cwd=ROOT, text=True, stderr=subprocess.DEVNULL
        )
        names = {name for name in listed.split("\0") if name and (ROOT / name).is_file()}
        if names:
            return sorted(names | {"pyproject.toml"})  # whool's options, even before its commit
    return [str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.is_file()]


def _kept(name, sdist):
    if sdist and name.startswith(SDIST_ONLY):
        return True
    return not name.startswith(EXCLUDED) and "__pycache__" not in name


@contextlib.contextmanager
def _staged(sdist=False):
    """The addon's files in a temporary folder named after it, as the working directory."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        addon = Path(tmp) / ADDON
        for name in _tracked_files():
            if _kept(name, sdist):
                target = addon / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, target)
        os.chdir(addon)
        try:
            yield
        finally:
            os.chdir(cwd)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    wheel_directory = os.path.abspath(wheel_directory)
    with _staged():
        return buildapi.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    sdist_directory = os.path.abspath(sdist_directory)
    with _staged(sdist=True):
        return buildapi.build_sdist(sdist_directory, config_settings)


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    metadata_directory = os.path.abspath(metadata_directory)
    with _staged():
        return buildapi.prepare_metadata_for_build_wheel(metadata_directory, config_settings)
