"""Installs are reproducible: pyproject.toml bounds every dependency, and the lock files in
requirements/ (what `make run`, `make test` and `make bench` install) pin each one, with hashes,
at a version inside those bounds. `make lock` refreshes them after pyproject.toml changes."""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(settings.BASE_DIR)
REQUIREMENTS = ROOT / "requirements"
# Each lock file and the extras of pyproject.toml it installs besides the runtime dependencies.
LOCKS = {"base": [], "dev": ["dev"], "bench": ["bench"]}
UPPER_BOUNDS = {"<", "<=", "==", "~=", "==="}
HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")
DIRECT = "scoculture (pyproject.toml)"


@dataclass
class Pin:
    version: str
    hashes: list[str]
    via: list[str] = field(default_factory=list)


def read_pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def build_requirements() -> list[Requirement]:
    """What installs the project itself: pip, and setuptools for the editable install."""
    lines = (REQUIREMENTS / "build.in").read_text().splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def direct_requirements(extras: list[str]) -> list[Requirement]:
    project = read_pyproject()["project"]
    texts = project["dependencies"] + [
        text for extra in extras for text in project["optional-dependencies"][extra]
    ]
    return [Requirement(text) for text in texts] + build_requirements()


def parse_lock(text: str) -> dict[str, Pin]:
    """name -> Pin from a `uv pip compile --generate-hashes` file: each entry is `name==version`
    with `--hash` continuation lines, then `# via` comments."""
    pins: dict[str, Pin] = {}
    pin = None
    for line in text.replace("\\\n", " ").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not line[0].isspace() and not stripped.startswith("#"):
            requirement, *options = stripped.split()
            name, separator, version = requirement.partition("==")
            assert separator, f"{requirement!r} is not pinned with =="
            pin = pins[canonicalize_name(name)] = Pin(version, HASH.findall(" ".join(options)))
        elif pin and stripped.startswith("#"):
            pin.via.append(re.sub(r"^via\b\s*", "", stripped.lstrip("#").strip()))
    return pins


def read_lock(name: str) -> dict[str, Pin]:
    return parse_lock((REQUIREMENTS / f"{name}.txt").read_text())


def missing_from_lock(requirements: list[Requirement], pins: dict[str, Pin]) -> list[str]:
    """The requirements that the lock leaves out, pins outside their bounds, or without hashes."""
    problems = []
    for requirement in requirements:
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            problems.append(f"{requirement.name} is not in the lock")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{requirement.name}=={pin.version} is outside {requirement}")
        elif not pin.hashes:
            problems.append(f"{requirement.name}=={pin.version} has no hash")
    return problems


def test_every_dependency_has_an_upper_bound():
    pyproject = read_pyproject()
    texts = (
        pyproject["project"]["dependencies"]
        + [
            text
            for group in pyproject["project"]["optional-dependencies"].values()
            for text in group
        ]
        + pyproject["build-system"]["requires"]
    )
    requirements = [Requirement(text) for text in texts] + build_requirements()
    unbounded = [
        str(requirement)
        for requirement in requirements
        if not {spec.operator for spec in requirement.specifier} & UPPER_BOUNDS
    ]
    assert not unbounded, f"no upper bound on: {unbounded}"


def test_setuptools_is_locked_within_the_build_system_bounds():
    """The editable install builds without isolation, with the locked setuptools."""
    requires = [Requirement(text) for text in read_pyproject()["build-system"]["requires"]]
    for name in LOCKS:
        assert not missing_from_lock(requires, read_lock(name)), name


@pytest.mark.parametrize(("lock", "extras"), LOCKS.items())
def test_lock_pins_every_direct_dependency_with_hashes(lock, extras):
    pins = read_lock(lock)
    problems = missing_from_lock(direct_requirements(extras), pins)
    assert not problems, f"requirements/{lock}.txt (run `make lock`): {problems}"
    # pip --require-hashes refuses the whole file if any entry has no hash.
    assert all(pin.hashes for pin in pins.values())


@pytest.mark.parametrize(("lock", "extras"), LOCKS.items())
def test_lock_has_no_direct_dependency_that_pyproject_dropped(lock, extras):
    expected = {canonicalize_name(requirement.name) for requirement in direct_requirements(extras)}
    listed = {name for name, pin in read_lock(lock).items() if DIRECT in pin.via}
    assert listed <= expected, f"requirements/{lock}.txt (run `make lock`): {listed - expected}"


def test_locks_agree_on_shared_packages():
    """A venv gets several lock files (`make test`, then `make bench`): none downgrades another,
    and each holds all of base.txt (the Makefile counts base as installed with any of them)."""
    base = read_lock("base").keys()
    for lock in LOCKS:
        assert not base - read_lock(lock).keys(), lock
    versions: dict[str, set[str]] = {}
    for lock in LOCKS:
        for name, pin in read_lock(lock).items():
            versions.setdefault(name, set()).add(pin.version)
    assert not {name: found for name, found in versions.items() if len(found) > 1}


def test_parse_lock_reads_pins_hashes_and_origins():
    pins = parse_lock(
        "# header\n"
        "django==5.2.1 \\\n"
        "    --hash=sha256:" + "a" * 64 + " \\\n"
        "    --hash=sha256:" + "b" * 64 + "\n"
        "    # via\n"
        "    #   -c requirements/base.txt\n"
        "    #   scoculture (pyproject.toml)\n"
        "sqlparse==0.5.0\n"
        "    # via django\n"
    )
    assert pins["django"] == Pin(
        "5.2.1", ["a" * 64, "b" * 64], ["", "-c requirements/base.txt", DIRECT]
    )
    assert pins["sqlparse"] == Pin("0.5.0", [], ["django"])
    assert missing_from_lock([Requirement("Django>=5.2,<5.3")], pins) == []
    assert missing_from_lock([Requirement("Django>=6")], pins) == [
        "Django==5.2.1 is outside Django>=6"
    ]
    assert missing_from_lock([Requirement("sqlparse")], pins) == ["sqlparse==0.5.0 has no hash"]
    assert missing_from_lock([Requirement("redis")], pins) == ["redis is not in the lock"]
