"""`check --deploy` in the production profile refuses what would run, but serve stale pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


MFA_KEY = "A" * 43 + "="  # a well-formed Fernet key (32 bytes, base64)


def deploy_check(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "PORTAL_SINGLE_PROCESS", "DJANGO_SETTINGS_MODULE", "MFA_ENCRYPTION_KEYS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="deploy-check-" + "k" * 50,
        ALLOWED_HOSTS="bti.example.no",
        **{"MFA_ENCRYPTION_KEYS": MFA_KEY, **environment},
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("environment", "passes"),
    [
        ({}, False),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, True),
        ({"PORTAL_SINGLE_PROCESS": "1"}, True),
    ],
)
def test_production_needs_a_shared_cache_unless_single_process(environment, passes):
    result = deploy_check(**environment)
    output = result.stdout + result.stderr
    assert (result.returncode == 0) is passes, output
    assert ("portal.E001" in output) is not passes
    if not passes:
        assert "REDIS_URL" in output and "old pages" in output


def test_production_needs_keys_for_the_second_factors():
    result = deploy_check(REDIS_URL="redis://127.0.0.1:6379/0", MFA_ENCRYPTION_KEYS="")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "portal.E002" in output and "encrypt_mfa_secrets" in output
