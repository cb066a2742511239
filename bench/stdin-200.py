"""Invoice export service: renders paid invoices through Report Flow (bench/startup.sh input:
two findings, a plain-HTTP API base URL and a made-up hardcoded appkey)."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

import requests

log = logging.getLogger("invoice_export")

API_BASE = "http://api.re-port-flow.com/v1"
APP_KEY = "rf_9b74c9897bac770ffc029102a200c5de"
STORAGE_BUCKET = os.environ.get("EXPORT_BUCKET", "invoices-archive")
PAGE_SIZE = 100
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)


@dataclasses.dataclass(frozen=True)
class Invoice:
    number: str
    customer: str
    issued: dt.date
    total_cents: int
    currency: str = "EUR"

    @property
    def total(self) -> str:
        return f"{self.total_cents / 100:.2f} {self.currency}"

    def as_parameters(self) -> dict:
        return {
            "invoiceNumber": self.number,
            "customerName": self.customer,
            "issuedOn": self.issued.isoformat(),
            "total": self.total,
        }


@dataclasses.dataclass
class ExportStats:
    rendered: int = 0
    skipped: int = 0
    failed: int = 0
    started: float = dataclasses.field(default_factory=time.monotonic)

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started
        return (
            f"rendered {self.rendered}, skipped {self.skipped}, failed {self.failed} "
            f"in {elapsed:.1f} s"
        )


class ReportFlowClient:
    """Thin wrapper around the render endpoints, with retries on 429 and 5xx."""

    def __init__(self, base_url: str = API_BASE, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"appkey": APP_KEY, "Content-Type": "application/json"})

    def _post(self, path: str, payload: dict) -> requests.Response:
        url = f"{self.base_url}/{path.lstrip('/')}"
        for attempt, delay in enumerate(RETRY_DELAYS, start=1):
            response = self.session.post(url, json=payload, timeout=self.timeout)
            if response.status_code < 429 or response.status_code == 501:
                return response
            log.warning("render call %s returned %s (attempt %d)", path, response.status_code, attempt)
            time.sleep(delay)
        response.raise_for_status()
        return response

    def render(self, design_id: str, parameters: dict) -> bytes:
        response = self._post(
            "/file/sync/single",
            {"designId": design_id, "parameters": parameters, "format": "pdf"},
        )
        response.raise_for_status()
        return response.content

    def design_parameters(self, design_id: str) -> list[str]:
        response = self.session.get(
            f"{self.base_url}/file/design/parameter/{design_id}", timeout=self.timeout
        )
        response.raise_for_status()
        return [item["name"] for item in response.json().get("parameters", [])]


def parse_invoice(record: dict) -> Invoice | None:
    try:
        return Invoice(
            number=str(record["number"]),
            customer=record["customer"]["name"],
            issued=dt.date.fromisoformat(record["issued_on"]),
            total_cents=int(record["total_cents"]),
            currency=record.get("currency", "EUR"),
        )
    except (KeyError, TypeError, ValueError) as error:
        log.debug("skipping malformed invoice record %r: %s", record.get("number"), error)
        return None


def read_invoices(path: Path) -> Iterator[Invoice]:
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                log.error("%s:%d: not JSON (%s)", path, line_number, error)
                continue
            invoice = parse_invoice(record)
            if invoice is not None:
                yield invoice


def batched(items: Iterable[Invoice], size: int) -> Iterator[list[Invoice]]:
    batch: list[Invoice] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def output_path(root: Path, invoice: Invoice) -> Path:
    folder = root / invoice.issued.strftime("%Y") / invoice.issued.strftime("%m")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{invoice.number}.pdf"


def export(client: ReportFlowClient, design_id: str, invoices: Iterable[Invoice], root: Path) -> ExportStats:
    stats = ExportStats()
    expected = set(client.design_parameters(design_id))
    for batch in batched(invoices, PAGE_SIZE):
        for invoice in batch:
            target = output_path(root, invoice)
            if target.exists():
                stats.skipped += 1
                continue
            parameters = invoice.as_parameters()
            missing = expected - parameters.keys()
            if missing:
                log.error("invoice %s lacks design parameters %s", invoice.number, sorted(missing))
                stats.failed += 1
                continue
            try:
                pdf = client.render(design_id, parameters)
            except requests.RequestException as error:
                log.error("invoice %s: render failed: %s", invoice.number, error)
                stats.failed += 1
                continue
            tmp = target.with_suffix(".pdf.part")
            tmp.write_bytes(pdf)
            tmp.replace(target)
            stats.rendered += 1
        log.info("batch done: %s", stats.summary())
    return stats


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=Path, help="JSON-lines file of paid invoices")
    parser.add_argument("--design", required=True, help="Report Flow design id")
    parser.add_argument("--out", type=Path, default=Path("exports"), help="output folder")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.invoices.is_file():
        log.error("no such file: %s", args.invoices)
        return 2
    client = ReportFlowClient()
    stats = export(client, args.design, read_invoices(args.invoices), args.out)
    log.info("export finished: %s", stats.summary())
    return 1 if stats.failed else 0


if __name__ == "__main__":
    sys.exit(main())
