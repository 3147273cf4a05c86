"""Structural checks of the deployment files: Dockerfiles, docker-compose.yml, deploy/k8s.

Nothing here needs Docker, a cluster or kubectl: the files are parsed and checked
against the packages themselves (pyproject dependencies, importable modules) and
the stream/consumer names in docmill_contracts, so a rename on either side fails.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from docmill_contracts import streams
from docmill_contracts import subjects as s

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
DOCKER_DIR = ROOT / "deploy" / "docker"
K8S_DIR = ROOT / "deploy" / "k8s"
BASE_DIR = K8S_DIR / "base"
GPU_DIR = K8S_DIR / "overlays" / "gpu"
COMPOSE_FILE = ROOT / "docker-compose.yml"

SERVICES = ("gateway", "ocr", "extractor", "vision", "exporter")
WORKERS = ("ocr", "extractor", "vision", "exporter")
# The stream and durable consumer each worker pulls from, as the contracts name them.
WORKER_CONSUMERS = {
    "ocr": (s.STREAM_OCR, s.CONSUMER_OCR),
    "extractor": (s.STREAM_EXTRACT, s.CONSUMER_EXTRACT),
    "vision": (s.STREAM_VISION, s.CONSUMER_VISION),
    "exporter": (s.STREAM_EXPORT, s.CONSUMER_EXPORT),
}
DRAIN_GRACE_S = 25  # WorkerSettings.grace_period_s default (DOCMILL_GRACE_PERIOD_S)


# ---------------------------------------------------------------- helpers


def load_yaml_docs(path: Path) -> list[dict[str, Any]]:
    """Every non-empty document of a YAML file."""
    with path.open() as fh:
        return [doc for doc in yaml.safe_load_all(fh) if doc is not None]


def k8s_objects(directory: Path) -> list[dict[str, Any]]:
    """Objects from the files a kustomization lists as resources (files only)."""
    kustomization = load_yaml_docs(directory / "kustomization.yaml")[0]
    objects: list[dict[str, Any]] = []
    for resource in kustomization["resources"]:
        path = directory / resource
        if path.is_file():
            objects.extend(load_yaml_docs(path))
    return objects


def by_kind(objects: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {obj["metadata"]["name"]: obj for obj in objects if obj.get("kind") == kind}


def pyproject(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def docmill_deps(pyproject_path: Path) -> set[str]:
    """The docmill-* requirements of one package (names only, `docmill-` stripped)."""
    deps = pyproject(pyproject_path)["project"].get("dependencies", [])
    names = {re.split(r"[\s\[<>=!~;]", dep, maxsplit=1)[0].lower() for dep in deps}
    return {name.removeprefix("docmill-") for name in names if name.startswith("docmill-")}


def lib_closure(direct: set[str]) -> set[str]:
    """Libs needed by `direct`, following each lib's own docmill-* requirements."""
    needed: set[str] = set()
    todo = list(direct)
    while todo:
        lib = todo.pop()
        if lib in needed:
            continue
        lib_pyproject = ROOT / "libs" / lib / "pyproject.toml"
        assert lib_pyproject.is_file(), f"docmill-{lib} is required but libs/{lib} has no pyproject"
        needed.add(lib)
        todo.extend(docmill_deps(lib_pyproject))
    return needed


def service_pyproject(name: str) -> Path:
    path = ROOT / "services" / name / "pyproject.toml"
    assert path.is_file(), f"services/{name} has no pyproject.toml: its image cannot be built"
    return path


def quantity(value: str | int | float) -> float:
    """A Kubernetes quantity as a number (cores or bytes)."""
    text = str(value)
    suffixes = {
        "m": 1e-3,
        "Ki": 2**10,
        "Mi": 2**20,
        "Gi": 2**30,
        "Ti": 2**40,
        "k": 1e3,
        "M": 1e6,
        "G": 1e9,
        "T": 1e12,
    }
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * suffixes[suffix]
    return float(text)


@dataclass
class Dockerfile:
    """The instructions of a Dockerfile, continuation lines joined, comments dropped."""

    path: Path
    instructions: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def parse(cls, path: Path) -> Dockerfile:
        parsed = cls(path)
        logical = ""
        for raw in path.read_text().splitlines():
            line = raw.strip()
            if line.startswith("#") or not line:
                continue  # comments may sit between continuation lines too
            if line.endswith("\\"):
                logical += line[:-1] + " "
                continue
            logical += line
            keyword, _, rest = logical.partition(" ")
            parsed.instructions.append((keyword.upper(), rest.strip()))
            logical = ""
        return parsed

    def all(self, keyword: str) -> list[str]:
        return [rest for kw, rest in self.instructions if kw == keyword]

    def arg_defaults(self) -> dict[str, str]:
        defaults = {}
        for rest in self.all("ARG"):
            name, sep, value = rest.partition("=")
            if sep:
                defaults[name.strip()] = value.strip().strip('"')
        return defaults

    def base_images(self) -> list[str]:
        args = self.arg_defaults()
        images = []
        for rest in self.all("FROM"):
            image = rest.split()[0]
            image = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args[m.group(1) or m.group(2)], image)
            images.append(image)
        return images

    def env(self) -> dict[str, str]:
        env: dict[str, str] = {}
        for rest in self.all("ENV"):
            for token in shlex.split(rest):
                key, _, value = token.partition("=")
                env[key] = value
        return env

    def json_form(self, keyword: str) -> list[str]:
        (rest,) = self.all(keyword)[-1:]
        return yaml.safe_load(rest)  # exec form is a JSON array, which is YAML too

    def label(self, key: str) -> str | None:
        for rest in self.all("LABEL"):
            for token in shlex.split(rest):
                name, _, value = token.partition("=")
                if name == key:
                    return value
        return None


def dockerfile(name: str) -> Dockerfile:
    path = DOCKER_DIR / f"{name}.Dockerfile"
    assert path.is_file(), f"missing {path.relative_to(ROOT)}"
    return Dockerfile.parse(path)


def compose() -> dict[str, Any]:
    return load_yaml_docs(COMPOSE_FILE)[0]


def main_container(deployment: dict[str, Any]) -> dict[str, Any]:
    containers = deployment["spec"]["template"]["spec"]["containers"]
    (container,) = [c for c in containers if c["name"] == deployment["metadata"]["name"]]
    return container


def container_env(container: dict[str, Any]) -> dict[str, Any]:
    return {item["name"]: item for item in container.get("env", [])}


def configmap_data() -> dict[str, str]:
    return by_kind(k8s_objects(BASE_DIR), "ConfigMap")["docmill-config"]["data"]


def secret_key_refs(objects: list[dict[str, Any]]) -> Iterator[tuple[str, str, str]]:
    """(object name, secret name, key) for every secret key a workload or KEDA reads."""
    for obj in objects:
        if obj.get("kind") == "Deployment":
            for container in obj["spec"]["template"]["spec"]["containers"]:
                for item in container.get("env", []):
                    ref = item.get("valueFrom", {}).get("secretKeyRef")
                    if ref:
                        yield obj["metadata"]["name"], ref["name"], ref["key"]
        if obj.get("kind") == "TriggerAuthentication":
            for ref in obj["spec"].get("secretTargetRef", []):
                yield obj["metadata"]["name"], ref["name"], ref["key"]


# ---------------------------------------------------------------- every file parses


def all_yaml_files() -> list[Path]:
    return sorted([*K8S_DIR.rglob("*.yaml"), COMPOSE_FILE])


@pytest.mark.parametrize("path", all_yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_yaml_parses(path: Path) -> None:
    docs = load_yaml_docs(path)
    assert docs, f"{path} holds no YAML document"
    if path.is_relative_to(K8S_DIR) and path.name != "kustomization.yaml":
        for doc in docs:
            assert {"apiVersion", "kind", "metadata"} <= doc.keys(), f"{path}: {doc}"


def test_kustomization_lists_every_manifest_in_base() -> None:
    kustomization = load_yaml_docs(BASE_DIR / "kustomization.yaml")[0]
    listed = set(kustomization["resources"])
    present = {p.name for p in BASE_DIR.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == present, "a manifest in deploy/k8s/base is not applied, or vice versa"
    top = load_yaml_docs(K8S_DIR / "kustomization.yaml")[0]
    assert top["resources"] == ["base"]


# ---------------------------------------------------------------- Dockerfiles


@pytest.mark.parametrize("name", SERVICES)
def test_dockerfile_base_user_and_command(name: str) -> None:
    df = dockerfile(name)
    images = df.base_images()
    assert len(images) >= 2, "build and runtime stages"
    assert all(image == "python:3.11-slim" for image in images), images
    user = df.all("USER")[-1].split(":")[0]
    assert user not in ("", "0", "root"), f"{name} image runs as root"
    cmd = df.json_form("CMD")
    assert cmd == ["python", "-m", f"docmill_{name}"]
    assert df.label("org.opencontainers.image.title") == f"docmill-{name}"
    # The health check script the image copies must exist in the build context.
    copies = " ".join(df.all("COPY"))
    assert "deploy/docker/healthcheck.py" in copies
    assert (DOCKER_DIR / "healthcheck.py").is_file()


@pytest.mark.parametrize("name", SERVICES)
def test_dockerfile_port_matches_its_env(name: str) -> None:
    df = dockerfile(name)
    env = df.env()
    port = env["DOCMILL_HTTP_PORT"] if name == "gateway" else env["DOCMILL_HEALTH_PORT"]
    assert df.all("EXPOSE") == [port]
    host = env["DOCMILL_HTTP_HOST"] if name == "gateway" else env["DOCMILL_HEALTH_HOST"]
    assert host == "0.0.0.0", "a container must listen beyond loopback"


@pytest.mark.parametrize("name", SERVICES)
def test_dockerfile_installs_exactly_the_libs_the_service_needs(name: str) -> None:
    needed = lib_closure(docmill_deps(service_pyproject(name)))
    df = dockerfile(name)
    copied = {
        m.group(1)
        for rest in df.all("COPY")
        for m in [re.match(r"libs/(\w+)/?\s", rest + " ")]
        if m
    }
    installs = " ".join(rest for rest in df.all("RUN") if "pip install" in rest)
    installed = set(re.findall(r"\./libs/(\w+)", installs))
    assert copied == needed, f"{name}: copies libs {sorted(copied)}, needs {sorted(needed)}"
    assert installed == needed, f"{name}: installs libs {sorted(installed)}, needs {sorted(needed)}"
    assert f"./services/{name}" in installs
    assert any(rest.startswith(f"services/{name}/") for rest in df.all("COPY"))


def test_ocr_image_has_tesseract_languages_and_poppler() -> None:
    runs = " ".join(dockerfile("ocr").all("RUN"))
    for package in ("tesseract-ocr", "tesseract-ocr-eng", "tesseract-ocr-kan", "poppler-utils"):
        assert re.search(rf"(^|\s){re.escape(package)}(\s|$)", runs), package


def test_dockerignore_keeps_local_state_out_but_not_the_sources() -> None:
    lines = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", ".data", ".git"} <= lines
    for needed in ("libs", "services", "deploy", "deploy/docker", "deploy/docker/healthcheck.py"):
        assert needed not in lines and f"{needed}/" not in lines


# ---------------------------------------------------------------- docker-compose.yml


@pytest.mark.parametrize("name", SERVICES)
def test_compose_service_matches_its_package(name: str) -> None:
    service = compose()["services"][name]
    assert service["build"]["context"] == "."
    assert (ROOT / service["build"]["dockerfile"]) == DOCKER_DIR / f"{name}.Dockerfile"
    assert service["image"].split(":")[0] == f"docmill/{name}"
    command = service["command"]
    assert command[:2] == ["python", "-m"] and command[2] == f"docmill_{name}"
    assert (ROOT / "services" / name / "pyproject.toml").is_file(), f"services/{name} is no package"
    assert importlib.util.find_spec(f"docmill_{name}.__main__") is not None, (
        f"`python -m docmill_{name}` has no module in this environment"
    )


@pytest.mark.parametrize("name", SERVICES)
def test_compose_service_health_env_and_startup_order(name: str) -> None:
    service = compose()["services"][name]
    env = service["environment"]
    assert env["NATS_URL"] == "nats://nats:4222"
    assert service["healthcheck"]["test"] == ["CMD", "docmill-healthcheck"]
    grace = service["stop_grace_period"]
    assert grace.endswith("s") and int(grace[:-1]) > DRAIN_GRACE_S + 5
    assert service["depends_on"]["nats"]["condition"] == "service_healthy"
    if name == "gateway":
        assert env["DOCMILL_HTTP_HOST"] == "0.0.0.0"
        assert env["DOCMILL_HTTP_PORT"] == "8000"
        assert "8000:8000" in service["ports"]
        assert env["DATABASE_URL"].startswith("postgresql://docmill:")
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    else:
        assert env["DOCMILL_HEALTH_HOST"] == "0.0.0.0"
        assert int(env["DOCMILL_HEALTH_PORT"]) > 0
        assert "DATABASE_URL" not in env, "only the gateway may write to PostgreSQL"


def test_compose_exporter_reads_through_the_reader_role_after_migrations() -> None:
    exporter = compose()["services"]["exporter"]
    url = exporter["environment"]["DATABASE_URL_READONLY"]
    assert url.startswith("postgresql://docmill_reader:")
    assert exporter["depends_on"]["gateway"]["condition"] == "service_healthy"
    assert exporter["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_compose_nats_and_postgres() -> None:
    services = compose()["services"]
    volumes = compose()["volumes"]
    nats = services["nats"]
    assert "-js" in nats["command"] or "--jetstream" in nats["command"]
    store = nats["command"][nats["command"].index("-sd") + 1]
    assert any(v.split(":")[0] in volumes and v.split(":")[1] == store for v in nats["volumes"])
    postgres = services["postgres"]
    assert postgres["image"] == "postgres:16"
    assert any(v.split(":")[0] in volumes for v in postgres["volumes"])
    init = [v for v in postgres["volumes"] if "/docker-entrypoint-initdb.d" in v]
    assert init, "the reader role needs the init script"
    init_dir = ROOT / init[0].split(":")[0]
    scripts = " ".join(p.read_text() for p in init_dir.iterdir())
    assert "CREATE ROLE docmill_reader LOGIN" in scripts
    for name in ("nats", "postgres"):
        assert services[name]["healthcheck"]["test"]


def test_compose_gpu_profile_reserves_a_cuda_device() -> None:
    services = compose()["services"]
    gpu = [svc for svc in services.values() if "gpu" in svc.get("profiles", [])]
    assert len(gpu) == 1
    (service,) = gpu
    assert "profiles" not in services["vision"], "the CPU vision worker runs by default"
    assert service["build"]["dockerfile"] == "deploy/docker/vision.Dockerfile"
    assert service["command"] == ["python", "-m", "docmill_vision"]
    devices = service["deploy"]["resources"]["reservations"]["devices"]
    assert any(d["driver"] == "nvidia" and "gpu" in d["capabilities"] for d in devices)


# ---------------------------------------------------------------- Kubernetes


def deployments() -> dict[str, dict[str, Any]]:
    return by_kind(k8s_objects(BASE_DIR), "Deployment")


def test_one_deployment_per_service() -> None:
    assert set(deployments()) == set(SERVICES)


@pytest.mark.parametrize("name", SERVICES)
def test_deployment_probes_grace_resources_and_image(name: str) -> None:
    deployment = deployments()[name]
    pod = deployment["spec"]["template"]["spec"]
    container = main_container(deployment)
    env = container_env(container)

    # The port the service listens on, as its environment sets it.
    port_var = "DOCMILL_HTTP_PORT" if name == "gateway" else "DOCMILL_HEALTH_PORT"
    port = int(env[port_var]["value"])
    named = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert port in named.values()
    for probe in ("readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] == "/healthz", f"{name} {probe}"
        assert named.get(get["port"], get["port"]) == port, f"{name} {probe} port"

    if name != "gateway":
        # The health server binds DOCMILL_HEALTH_HOST; loopback would fail every probe.
        assert configmap_data()["DOCMILL_HEALTH_HOST"] == "0.0.0.0"
    assert int(configmap_data()["DOCMILL_GRACE_PERIOD_S"]) == DRAIN_GRACE_S
    assert pod["terminationGracePeriodSeconds"] >= 30
    assert pod["terminationGracePeriodSeconds"] > DRAIN_GRACE_S + 5

    resources = container["resources"]
    for kind in ("cpu", "memory"):
        request = quantity(resources["requests"][kind])
        limit = quantity(resources["limits"][kind])
        assert 0 < request <= limit, f"{name} {kind}"

    image = container["image"]
    repo = image.split(":")[0]
    assert repo == f"docmill/{name}"
    assert (DOCKER_DIR / f"{name}.Dockerfile").is_file()
    assert pod["securityContext"]["runAsNonRoot"] is True


def test_ocr_gets_whole_cores() -> None:
    resources = main_container(deployments()["ocr"])["resources"]
    cpu = quantity(resources["limits"]["cpu"])
    assert cpu >= 1 and cpu == int(cpu), "one Tesseract process per core"
    assert quantity(resources["requests"]["cpu"]) == cpu
    env = container_env(main_container(deployments()["ocr"]))
    assert env["OMP_THREAD_LIMIT"]["value"] == "1"


def test_kustomize_images_match_the_deployments() -> None:
    kustomization = load_yaml_docs(BASE_DIR / "kustomization.yaml")[0]
    names = {image["name"] for image in kustomization["images"]}
    used = {main_container(d)["image"].split(":")[0] for d in deployments().values()}
    assert names == used


@pytest.mark.parametrize("name", SERVICES)
def test_every_deployment_has_a_matching_pdb(name: str) -> None:
    pdbs = by_kind(k8s_objects(BASE_DIR), "PodDisruptionBudget")
    labels = deployments()[name]["spec"]["template"]["metadata"]["labels"]
    matching = [
        pdb
        for pdb in pdbs.values()
        if pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    ]
    assert len(matching) == 1, f"{name}: {len(matching)} PodDisruptionBudgets"


def test_gateway_service_and_ingress_reach_the_gateway() -> None:
    objects = k8s_objects(BASE_DIR)
    service = by_kind(objects, "Service")["gateway"]
    labels = deployments()["gateway"]["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    port_names = {p["name"] for p in service["spec"]["ports"]}
    target = service["spec"]["ports"][0]["targetPort"]
    container_ports = {p["name"] for p in main_container(deployments()["gateway"])["ports"]}
    assert target in container_ports
    for ingress in by_kind(objects, "Ingress").values():
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] == "gateway"
                assert backend["port"]["name"] in port_names


def test_keda_scales_every_worker_on_its_own_consumer() -> None:
    objects = k8s_objects(BASE_DIR)
    scaled = by_kind(objects, "ScaledObject")
    assert set(scaled) == set(WORKERS)
    real_pairs = {(stream, config.durable_name) for stream, config in streams.CONSUMERS.items()}
    nats_service = by_kind(objects, "Service")["nats"]
    monitor_port = {p["name"]: p["port"] for p in nats_service["spec"]["ports"]}["monitor"]
    namespace = load_yaml_docs(BASE_DIR / "kustomization.yaml")[0]["namespace"]
    for name, obj in scaled.items():
        target = obj["spec"]["scaleTargetRef"]["name"]
        assert target in deployments(), f"{name} scales a Deployment that does not exist"
        assert "replicas" not in deployments()[target]["spec"], (
            f"{target}: a fixed replica count fights KEDA on every apply"
        )
        assert 1 <= obj["spec"]["minReplicaCount"] <= obj["spec"]["maxReplicaCount"]
        jetstream = [t for t in obj["spec"]["triggers"] if t["type"] == "nats-jetstream"]
        assert len(jetstream) == 1, name
        meta = jetstream[0]["metadata"]
        pair = (meta["stream"], meta["consumer"])
        assert pair in real_pairs, f"{name}: {pair} is not a stream/durable in docmill_contracts"
        assert pair == WORKER_CONSUMERS[target], f"{name} watches another service's consumer"
        assert int(meta["lagThreshold"]) >= 1
        assert meta["account"] == "$G"
        assert meta["natsServerMonitoringEndpoint"] == (
            f"nats.{namespace}.svc.cluster.local:{monitor_port}"
        )


def test_keda_trigger_authentications_exist() -> None:
    objects = k8s_objects(BASE_DIR)
    auths = by_kind(objects, "TriggerAuthentication")
    for obj in by_kind(objects, "ScaledObject").values():
        for trigger in obj["spec"]["triggers"]:
            ref = trigger.get("authenticationRef")
            if ref:
                assert ref["name"] in auths


def test_nats_statefulset_keeps_jetstream_on_a_volume() -> None:
    objects = k8s_objects(BASE_DIR)
    nats = by_kind(objects, "StatefulSet")["nats"]
    conf = by_kind(objects, "ConfigMap")["nats-config"]["data"]["nats.conf"]
    store = re.search(r"store_dir:\s*(\S+)", conf).group(1)
    claims = {c["metadata"]["name"] for c in nats["spec"]["volumeClaimTemplates"]}
    mounts = nats["spec"]["template"]["spec"]["containers"][0]["volumeMounts"]
    assert any(m["name"] in claims and m["mountPath"] == store for m in mounts)
    assert "nats://nats:4222" == configmap_data()["NATS_URL"]


def test_secret_example_covers_every_reference_and_holds_only_placeholders() -> None:
    (secret,) = load_yaml_docs(K8S_DIR / "secret.example.yaml")
    assert secret["kind"] == "Secret"
    for key, value in secret["stringData"].items():
        assert "CHANGE_ME" in value, f"{key} looks like a real value"
    base_files = load_yaml_docs(BASE_DIR / "kustomization.yaml")[0]["resources"]
    assert not any("secret" in f for f in base_files), "placeholders must never be applied"
    refs = list(secret_key_refs(k8s_objects(BASE_DIR)))
    assert refs
    for owner, name, key in refs:
        assert name == secret["metadata"]["name"], owner
        assert key in secret["stringData"], f"{owner} reads {key}, missing from the example"
    # Least privilege: the owner's URL goes to the gateway only.
    owners = {owner for owner, _, key in refs if key == "database-url"}
    assert owners == {"gateway"}
    exporter_env = container_env(main_container(deployments()["exporter"]))
    assert "DATABASE_URL" not in exporter_env and "DATABASE_URL_READONLY" in exporter_env


def test_gpu_overlay_puts_vision_on_a_gpu() -> None:
    kustomization = load_yaml_docs(GPU_DIR / "kustomization.yaml")[0]
    assert kustomization["resources"] == ["../../base"]
    images = {i["name"]: i for i in kustomization["images"]}
    assert set(images) == {"docmill/vision"}
    patch_files = [p["path"] for p in kustomization["patches"] if "path" in p]
    patched = [doc for f in patch_files for doc in load_yaml_docs(GPU_DIR / f)]
    (vision,) = [d for d in patched if d["kind"] == "Deployment"]
    assert vision["metadata"]["name"] == "vision" and "vision" in deployments()
    (container,) = vision["spec"]["template"]["spec"]["containers"]
    assert container["name"] == main_container(deployments()["vision"])["name"]
    assert int(container["resources"]["limits"]["nvidia.com/gpu"]) >= 1
