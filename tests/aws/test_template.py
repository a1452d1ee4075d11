"""The vendor CloudFormation template passes cfn-lint (AWS's own linter), and the
linter really judges it: a broken copy fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "src-tauri/crates/channelops-core/templates/channelops-cur-access.yaml"


def cfn_lint(path: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("cfn-lint") or str(Path(sys.executable).with_name("cfn-lint"))
    return subprocess.run([exe, str(path)], capture_output=True, text=True)


def test_the_template_passes_cfn_lint():
    result = cfn_lint(TEMPLATE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cfn_lint_catches_a_broken_template(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(TEMPLATE.read_text().replace("Type: AWS::IAM::ManagedPolicy", "Type: AWS::IAM::NoSuchThing"))
    assert cfn_lint(broken).returncode != 0
