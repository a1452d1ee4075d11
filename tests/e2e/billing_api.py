"""A stand-in for the two AWS billing APIs that moto lacks — the legacy CUR API
(`cur:DescribeReportDefinitions`) and Data Exports (`bcm-data-exports:ListExports`,
`GetExport`) — answering in AWS's documented JSON wire format (awsJson1_1), for
the tests that run the real core against an AWS world (the real-window story,
the browser tests, the CLI tests). Everything else stays on moto.

The world is a JSON file, read again on every request so a test can change it:

    {"definitions": [<ReportDefinition as AWS sends it>, ...],   (PutReportDefinition appends)
     "exports": [<Export as GetExport sends it, plus "ExportStatus">, ...],
     "deny": ["cur:DescribeReportDefinitions", ...]}

    python tests/e2e/billing_api.py WORLD.json
        serves on 127.0.0.1 (a free port) and prints `port NNNNN` on stdout.

The AWS SDKs reach it through service-specific endpoints: the profile's
`services` section (`cost_and_usage_report_service` and `bcm_data_exports`
`endpoint_url`), or AWS_ENDPOINT_URL_COST_AND_USAGE_REPORT_SERVICE and
AWS_ENDPOINT_URL_BCM_DATA_EXPORTS.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CUR = "AWSOrigamiServiceGatewayService."
EXPORTS = "AWSBillingAndCostManagementDataExports."
LOCK = threading.Lock()
ACTIONS = {
    CUR + "DescribeReportDefinitions": "cur:DescribeReportDefinitions",
    CUR + "PutReportDefinition": "cur:PutReportDefinition",
    EXPORTS + "ListExports": "bcm-data-exports:ListExports",
    EXPORTS + "GetExport": "bcm-data-exports:GetExport",
}


def world(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def answer(target: str, body: dict, state: dict, path: Path | None = None) -> tuple[int, dict]:
    action = ACTIONS.get(target)
    if action is None:
        return 400, {"__type": "UnknownOperationException", "message": f"unknown operation {target}"}
    if action in state.get("deny", []):
        return 400, {
            "__type": "AccessDeniedException",
            "message": f"User: arn:aws:iam::111122223333:user/pat is not authorized to perform: {action}",
        }
    if action == "cur:DescribeReportDefinitions":
        return 200, {"ReportDefinitions": state.get("definitions", [])}
    if action == "cur:PutReportDefinition":
        new = body.get("ReportDefinition") or {}
        if any(d.get("ReportName") == new.get("ReportName") for d in state.get("definitions", [])):
            return 400, {"__type": "DuplicateReportNameException", "Message": f"A report with the name {new.get('ReportName')} already exists"}
        if new.get("S3Region") != "us-east-1" or not new.get("S3Bucket"):
            return 400, {"__type": "ValidationException", "Message": "S3Region must be us-east-1 and S3Bucket must be set"}
        # As AWS: the definition exists from now on, not delivered yet.
        state.setdefault("definitions", []).append(new)
        if path is not None:
            path.write_text(json.dumps(state))
        return 200, {}
    exports = state.get("exports", [])
    if action == "bcm-data-exports:ListExports":
        return 200, {
            "Exports": [
                {"ExportArn": e["ExportArn"], "ExportName": e["Name"], "ExportStatus": e.get("ExportStatus", {"StatusCode": "HEALTHY"})}
                for e in exports
            ]
        }
    for e in exports:
        if e["ExportArn"] == body.get("ExportArn"):
            export = {k: v for k, v in e.items() if k != "ExportStatus"}
            return 200, {"Export": export, "ExportStatus": e.get("ExportStatus", {"StatusCode": "HEALTHY"})}
    return 400, {"__type": "ResourceNotFoundException", "message": "no such export", "ResourceId": body.get("ExportArn", ""), "ResourceType": "Export"}


def serve(path: Path) -> None:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                body = {}
            with LOCK:
                status, out = answer(self.headers.get("X-Amz-Target", ""), body, world(path), path)
            data = json.dumps(out).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", "c0ffee00-0000-4000-8000-000000000013")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


def definition(name: str, bucket: str, prefix: str = "cur", **changes: object) -> dict:
    """A legacy CUR definition as AWS describes it, right for Part 3 unless changed."""
    d = {
        "ReportName": name,
        "TimeUnit": "HOURLY",
        "Format": "Parquet",
        "Compression": "Parquet",
        "AdditionalSchemaElements": ["RESOURCES", "SPLIT_COST_ALLOCATION_DATA"],
        "S3Bucket": bucket,
        "S3Prefix": prefix,
        "S3Region": "us-east-1",
        "AdditionalArtifacts": [],
        "RefreshClosedReports": True,
        "ReportVersioning": "OVERWRITE_REPORT",
    }
    d.update(changes)
    return d


def cur2_export(name: str, bucket: str, account: str = "111122223333") -> dict:
    """A CUR 2.0 export as GetExport describes it."""
    return {
        "ExportArn": f"arn:aws:bcm-data-exports:us-east-1:{account}:export/{name}-0d1e",
        "Name": name,
        "DataQuery": {"QueryStatement": "SELECT identity_line_item_id, line_item_unblended_cost FROM COST_AND_USAGE_REPORT", "TableConfigurations": {}},
        "DestinationConfigurations": {
            "S3Destination": {
                "S3Bucket": bucket,
                "S3Prefix": "exports",
                "S3Region": "us-east-1",
                "S3OutputConfigurations": {"OutputType": "CUSTOM", "Format": "PARQUET", "Compression": "PARQUET", "Overwrite": "OVERWRITE_REPORT"},
            }
        },
        "RefreshCadence": {"Frequency": "SYNCHRONOUS"},
        "ExportStatus": {"StatusCode": "HEALTHY"},
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    serve(Path(sys.argv[1]))
