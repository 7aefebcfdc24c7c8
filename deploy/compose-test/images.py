"""Images for `make compose-test`: the debootstrap base, stand-ins for the upstream server images,
and Parley's own image, built from the repository's Dockerfile by `docker compose build`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

BASE = "parley-compose-test/base:bookworm"
PYTHON = "parley-compose-test/python:3.11"
JRE = "parley-compose-test/jre:17"
KAFKA = "parley-compose-test/kafka:4.4.0"
ELASTICSEARCH = "parley-compose-test/elasticsearch:8.19.21"
PROMETHEUS = "parley-compose-test/prometheus:debian"
STAND_INS = (BASE, PYTHON, JRE, KAFKA, ELASTICSEARCH, PROMETHEUS)


def run(*cmd: str | Path, cwd: Path = REPO) -> None:
    subprocess.run([str(c) for c in cmd], cwd=cwd, check=True)


def docker_build(tag: str, context: Path, **args: str) -> None:
    build_args = [item for name, value in args.items() for item in ("--build-arg", f"{name}={value}")]
    # Host networking: apt and pip need the package mirrors; the containers never get it.
    run("docker", "build", "--quiet", "--network", "host", "-t", tag, *build_args, context)


def maven_jars(pom: Path, out: Path) -> Path:
    """`mvn package` of a pom that copies its runtime jars to OUT/lib (cached in ~/.m2)."""
    run("mvn", "-B", "-q", "-f", pom, f"-Dparley.out={out}", "package")
    return out / "lib"


def context_with_jars(source: Path, jars: Path, work: Path) -> Path:
    ctx = work / "ctx" / source.name
    shutil.rmtree(ctx, ignore_errors=True)
    shutil.copytree(source, ctx, ignore=shutil.ignore_patterns("pom.xml", "__pycache__"))
    shutil.copytree(jars, ctx / "lib")
    return ctx


def base_image() -> None:
    run("bash", HERE / "base-image.sh", BASE)


def python_image() -> None:
    """The stand-in for the official Python image, which Parley's Dockerfile builds FROM."""
    docker_build(PYTHON, HERE / "images" / "python", BASE_IMAGE=BASE)


def servers(work: Path) -> None:
    """Stand-ins for the Kafka, Elasticsearch and Prometheus images (the JRE image first)."""
    docker_build(JRE, HERE / "images" / "jre", BASE_IMAGE=BASE)
    kafka_jars = maven_jars(HERE / "images" / "kafka" / "pom.xml", work / "kafka")
    docker_build(KAFKA, context_with_jars(HERE / "images" / "kafka", kafka_jars, work), JRE_IMAGE=JRE)
    es_jars = maven_jars(REPO / "deploy" / "local" / "elasticsearch" / "pom.xml", work / "elasticsearch")
    docker_build(
        ELASTICSEARCH, context_with_jars(HERE / "images" / "elasticsearch", es_jars, work), JRE_IMAGE=JRE
    )
    docker_build(PROMETHEUS, HERE / "images" / "prometheus", BASE_IMAGE=BASE)


def remove(tags: list[str]) -> None:
    present = [
        t
        for t in tags
        if subprocess.run(["docker", "image", "inspect", t], capture_output=True).returncode == 0
    ]
    if present:
        subprocess.run(["docker", "image", "rm", "--force", *present], capture_output=True, check=False)
    subprocess.run(["docker", "image", "prune", "--force"], capture_output=True, check=False)
    subprocess.run(["docker", "builder", "prune", "--all", "--force"], capture_output=True, check=False)
