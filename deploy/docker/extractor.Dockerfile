# syntax=docker/dockerfile:1.7
# docmill-extractor: structured data per document type (rules, Gemini, OpenAI-compatible).
# Build from the repository root (the context must hold libs/ and services/):
#   docker build -f deploy/docker/extractor.Dockerfile -t docmill/extractor .

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: a virtualenv holding this service and only the libs it needs ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
# Same path in both stages: a venv's scripts and pyvenv.cfg hard-code where it lives.
RUN python -m venv /opt/docmill
ENV PATH=/opt/docmill/bin:$PATH
WORKDIR /src
# Copy only what this image installs, so edits to other services do not rebuild it.
COPY libs/contracts/ libs/contracts/
COPY libs/runtime/ libs/runtime/
COPY libs/normalize/ libs/normalize/
COPY libs/llm/ libs/llm/
COPY services/extractor/ services/extractor/
# Every docmill-* requirement is satisfied by a path on this command line, so pip
# never looks a docmill name up on a public index (tests/deploy checks the list).
RUN pip install ./libs/contracts \
        ./libs/runtime \
        ./libs/normalize \
        ./libs/llm \
        ./services/extractor \
    && pip check

# ---- runtime ----
FROM ${PYTHON_IMAGE}
# tini as PID 1 forwards SIGTERM to Python (the graceful drain depends on it) and
# reaps exited children.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tini \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 docmill \
    && useradd --system --uid 10001 --gid docmill --create-home --home-dir /home/docmill \
        --shell /usr/sbin/nologin docmill
COPY --from=build /opt/docmill /opt/docmill
COPY --chmod=0755 deploy/docker/healthcheck.py /usr/local/bin/docmill-healthcheck
# Inside a container the health endpoint must listen beyond loopback.
ENV PATH=/opt/docmill/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DOCMILL_LOG_FORMAT=json \
    DOCMILL_HEALTH_HOST=0.0.0.0 \
    DOCMILL_HEALTH_PORT=8080
LABEL org.opencontainers.image.title="docmill-extractor" \
      org.opencontainers.image.description="docmill extractor: structured data per document type (rules, Gemini, OpenAI-compatible)"
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
WORKDIR /home/docmill
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["docmill-healthcheck"]
ENTRYPOINT ["tini", "--"]
CMD ["python", "-m", "docmill_extractor"]
