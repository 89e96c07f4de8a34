"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework.

pre-commit installs a hook repository by cloning it at a commit and pip-installing it
into a fresh virtualenv, so this needs git and the package index and takes a while.
Two details shape the test:

* `try-repo` on a local path only carries over *tracked* edits (`git add -u`); new,
  untracked files would be missing. So the hook repository is a snapshot of the
  working tree (tracked and untracked, minus .gitignore'd files) committed into a
  temporary git repository: the hooks are tested exactly as the tree stands.
* `try-repo` builds its hook environment in a throw-away store on every call, and
  that build is most of this module's run time. So it runs once, with both hooks,
  on a repository holding a good and a bad file. The follow-up runs use the
  manifest's hooks as `local` hooks (same entry, arguments and file filters) that call
  this environment's `localize`, which is the same working tree, installed editable.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GOOD = (
    "---\ntitle: Harbor notes\n---\n\n"
    "# Harbor notes\n\n"
    # Correct text that merely looks suspicious: a Markdown hard break (two trailing
    # spaces), trailing spaces inside a code block, an invisible character in code.
    "The ferry timetable changes next month  \n"
    "and the evening crossing moves to half past seven.\n\n"
    "```text\nkept   \n```\n\n"
    "Ask for `route\u200b7` at the [harbor office](https://example.org/harbour%20office).\n"
)
BAD = (
    "# Harbor notes  \n\n"
    "The news\u200broom confirmed the new timetable.\n\n"
    # UTF-8 read as cp1252: the apostrophe became three characters.
    "The operator\u00e2\u20ac\u2122s statement followed.   \n"
)
FIXED = (
    "# Harbor notes\n\n"
    "The newsroom confirmed the new timetable.\n\n"
    "The operator\u2019s statement followed.\n"
)


def _env(**extra: str) -> dict[str, str]:
    # Nothing from a surrounding git hook or virtualenv may leak into the runs.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=localize tests", "-c", "user.email=tests@localize.invalid",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, env=_env(), check=True, capture_output=True, text=True).stdout


def _working_tree_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=ROOT, env=_env(), check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        # Not a git checkout (an unpacked sdist): everything but local tool state.
        skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", "dist", "build"}
        return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
                if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)]
    return [name for name in out.split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """The working tree, committed into a temporary repository."""
    snap = tmp_path_factory.mktemp("hook-repo")
    for name in _working_tree_files():
        target = snap / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    assert (snap / ".pre-commit-hooks.yaml").is_file(), "no .pre-commit-hooks.yaml in the tree"
    _git(snap, "init", "-q")
    _git(snap, "add", "-A")
    _git(snap, "commit", "-q", "-m", "snapshot of the working tree")
    return snap


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    """The manifest's hooks, as a project would run them, minus a second install."""
    import yaml

    exe = Path(sys.executable).with_name("localize")
    assert exe.is_file(), f"{exe}: the test environment has no localize command"
    hooks = []
    for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        program, _, args = hook["entry"].partition(" ")
        assert program == "localize", hook["entry"]
        # `system`: run the command as given (pre-commit 4.4+ calls it `unsupported`).
        hooks.append({**hook, "language": "system", "entry": f"{shlex.quote(str(exe))} {args}"})
    cfg = tmp_path_factory.mktemp("config") / "pre-commit-config.yaml"
    cfg.write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}), encoding="utf-8")
    return cfg


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    """A git repository holding `files`, all tracked (pre-commit only sees tracked files)."""
    work = tmp_path / "project"
    work.mkdir()
    for name, text in files.items():
        (work / name).write_bytes(text.encode("utf-8"))
    _git(work, "init", "-q")
    _git(work, "add", "-A")
    return work


def _pre_commit(work: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"],
                          cwd=work, env=_env(PRE_COMMIT_HOME=str(home)), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=900)


def _status(output: str) -> dict[str, str]:
    """{hook id: Passed or Failed}, from pre-commit's status lines."""
    found = {}
    for line in output.splitlines():
        for hook, name in (("localize-check", "localize (check)"), ("localize-fix", "localize (fix)")):
            if line.startswith(name) and line.rstrip().endswith(("Passed", "Failed")):
                found[hook] = line.rstrip().rsplit(".", 1)[-1]
    return found


def _report(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


def test_try_repo_check_flags_and_fix_rewrites(hook_repo, config, pre_commit_home, tmp_path):
    work = _project(tmp_path, {"good.en-US.md": GOOD, "bad.en-US.md": BAD})

    # Both hooks in one try-repo run (it builds an environment per call): check, then fix.
    tried = _pre_commit(work, pre_commit_home, "try-repo", str(hook_repo), "--all-files")
    assert tried.returncode == 1, _report(tried)
    assert _status(tried.stdout) == {"localize-check": "Failed", "localize-fix": "Failed"}, _report(tried)
    check_out, fix_out = tried.stdout.split("localize (fix)", 1)
    assert "- exit code: 1" in check_out and "bad.en-US.md" in check_out, _report(tried)
    assert "good.en-US.md" not in check_out, _report(tried)
    for rule in ("normalise.trailing-whitespace", "normalise.invisible-chars", "normalise.mojibake"):
        assert rule in check_out, (rule, _report(tried))
    assert "files were modified" not in check_out, "the check hook must never write"
    assert "files were modified by this hook" in fix_out, _report(tried)
    assert (work / "bad.en-US.md").read_bytes() == FIXED.encode("utf-8")
    assert (work / "good.en-US.md").read_bytes() == GOOD.encode("utf-8")

    # Fixed files pass both hooks, and the fixer is idempotent.
    again = _pre_commit(work, pre_commit_home, "run", "--config", str(config), "--all-files")
    assert again.returncode == 0, _report(again)
    assert _status(again.stdout) == {"localize-check": "Passed", "localize-fix": "Passed"}, _report(again)
    assert (work / "bad.en-US.md").read_bytes() == FIXED.encode("utf-8")


def test_check_passes_on_good_files_only(config, pre_commit_home, tmp_path):
    work = _project(tmp_path, {"good.en-US.md": GOOD, "notes.en-GB.txt": "Plain notes, nothing to fix.\n"})
    proc = _pre_commit(work, pre_commit_home, "run", "localize-check", "--config", str(config), "--all-files")
    assert proc.returncode == 0, _report(proc)
    assert _status(proc.stdout) == {"localize-check": "Passed"}, _report(proc)


def test_check_fails_without_touching_the_file(config, pre_commit_home, tmp_path):
    work = _project(tmp_path, {"good.en-US.md": GOOD, "bad.en-US.md": BAD})
    proc = _pre_commit(work, pre_commit_home, "run", "localize-check", "--config", str(config), "--all-files")
    assert proc.returncode == 1, _report(proc)
    assert _status(proc.stdout) == {"localize-check": "Failed"}, _report(proc)
    assert "bad.en-US.md" in proc.stdout and "good.en-US.md" not in proc.stdout, _report(proc)
    assert (work / "bad.en-US.md").read_bytes() == BAD.encode("utf-8")


def test_hooks_skip_files_that_are_not_prose(config, pre_commit_home, tmp_path):
    # A Python file with trailing spaces is not the hooks' business.
    work = _project(tmp_path, {"script.py": "x = 1   \n", "good.en-US.md": GOOD})
    proc = _pre_commit(work, pre_commit_home, "run", "--config", str(config), "--all-files")
    assert proc.returncode == 0, _report(proc)
    assert (work / "script.py").read_bytes() == b"x = 1   \n"
