# Parley: one image for every process. The command picks the process:
#   ingest run | enrichment run | indexer run | alerting run | dispatcher run | search run
#   | webhook-sink (the demo receiver)
# Build from the repository root:  docker build -t parley/parley:0.1.0 .
# PYTHON_IMAGE lets a machine without Docker Hub build FROM a Python image of its own
# (deploy/compose-test/ does); it must be Debian-based with `python` and `venv`.
ARG PYTHON_IMAGE=python:3.11.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/parley
WORKDIR /src
COPY pyproject.toml README.md requirements.lock ./
COPY deploy/docker/locked_only.py ./
COPY shared ./shared
COPY services ./services
# Every installed distribution must be pinned by the lock file at that version.
RUN /opt/parley/bin/pip install -c requirements.lock . \
 && /opt/parley/bin/python locked_only.py requirements.lock

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 parley \
 && useradd --system --uid 10001 --gid parley --home-dir /var/lib/parley --shell /usr/sbin/nologin parley \
 && mkdir -p /var/lib/parley/state \
 && chown -R parley:parley /var/lib/parley
COPY --from=build /opt/parley /opt/parley
ENV PATH=/opt/parley/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PARLEY_HTTP_HOST=0.0.0.0
# faust keeps its local data under the working directory; a volume or tmpfs goes here when the
# root file system is read-only.
WORKDIR /var/lib/parley
USER 10001:10001
# Each service listens on its own port (8081-8086, the sink 8090); compose probes /readyz there.
EXPOSE 8081 8082 8083 8084 8085 8086 8090
ENTRYPOINT ["parley"]
CMD ["--help"]
