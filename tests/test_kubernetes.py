"""The Kubernetes manifests in deploy/kubernetes/ (no cluster runs here): every object
is valid against the Kubernetes API schema (strict: no unknown fields), and the shape
that several replicas need holds."""

from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "deploy" / "kubernetes"
KUBERNETES = "1.33.0"


def _objects() -> dict[tuple[str, str], dict]:
    listed = yaml.safe_load((FOLDER / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(
        p.name for p in FOLDER.glob("*.yaml") if p.name != "kustomization.yaml"
    ), "kustomization.yaml lists every manifest"
    objects = {}
    for name in listed:
        for doc in yaml.safe_load_all((FOLDER / name).read_text()):
            objects[(doc["kind"], doc["metadata"]["name"])] = doc
    return objects


OBJECTS = _objects()


@pytest.mark.parametrize("key", sorted(OBJECTS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_valid_against_the_api_schema(key):
    kubernetes_validate.validate(OBJECTS[key], KUBERNETES, strict=True)


def test_the_validation_can_fail():
    broken = {**OBJECTS[("Deployment", "wijkteam-web")], "spec": {"replicas": "twee"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES, strict=True)


def _pod(name):
    return OBJECTS[("Deployment", name)]["spec"]["template"]["spec"]


def test_web_has_two_replicas_probes_and_a_disruption_budget():
    web = OBJECTS[("Deployment", "wijkteam-web")]
    assert web["spec"]["replicas"] >= 2
    container = _pod("wijkteam-web")["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz?probe=ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz?probe=live"
    budget = OBJECTS[("PodDisruptionBudget", "wijkteam-web")]
    assert (
        budget["spec"]["selector"]["matchLabels"]
        == web["spec"]["selector"]["matchLabels"]
    )
    assert budget["spec"]["minAvailable"] < web["spec"]["replicas"]


def test_exactly_one_beat_never_two_during_an_update():
    beat = OBJECTS[("Deployment", "wijkteam-beat")]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"
    for name in ("wijkteam-web", "wijkteam-worker"):
        command = " ".join(_pod(name)["containers"][0].get("command", []))
        assert "beat" not in command and "--beat" not in command


def test_every_container_has_resources_config_and_one_image():
    images = set()
    pods = [_pod(n) for n in ("wijkteam-web", "wijkteam-worker", "wijkteam-beat")]
    pods.append(OBJECTS[("Job", "wijkteam-migrate")]["spec"]["template"]["spec"])
    for pod in pods:
        for container in pod.get("initContainers", []) + pod["containers"]:
            assert container["resources"]["requests"], container["name"]
            refs = {next(iter(r)) for r in container["envFrom"]}
            assert refs == {"configMapRef", "secretRef"}, container["name"]
            assert container["securityContext"]["readOnlyRootFilesystem"] is True
            images.add(container["image"])
    assert images == {"wijkteam:latest"}


def test_web_and_workers_share_the_export_files():
    claim = OBJECTS[("PersistentVolumeClaim", "wijkteam-media")]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    for name in ("wijkteam-web", "wijkteam-worker"):
        volumes = {v["name"]: v for v in _pod(name)["volumes"]}
        assert volumes["media"]["persistentVolumeClaim"]["claimName"] == (
            "wijkteam-media"
        )


def test_config_names_only_variables_the_settings_know():
    known = {
        line.lstrip("# ").split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and line.lstrip("# ").split("=", 1)[0].isupper()
    }
    config = OBJECTS[("ConfigMap", "wijkteam-config")]["data"]
    secret = OBJECTS[("Secret", "wijkteam-secret")]["stringData"]
    unknown = set(config) - known - {"XDG_CACHE_HOME"}
    assert not unknown, unknown
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= set(secret)
    assert config["DEBUG"] == "false" and config["WIJKTEAM_DEMO"] == "false"
