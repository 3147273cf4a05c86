"""Per document type and field: precision, recall, exact match; failed documents with want/got."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import msgspec

from docmill_contracts.invoice import Invoice
from docmill_contracts.messages import DocumentExtracted, DocumentFailed
from docmill_contracts.saledeed import SaleDeed
from docmill_eval.compare import FieldResult, compare_invoice, compare_sale_deed, field_group
from docmill_eval.corpus import Sample
from docmill_eval.runner import Outcome


class FieldStats(msgspec.Struct, kw_only=True):
    field: str
    total: int = 0
    correct: int = 0
    predicted: int = 0  # non-empty values extracted
    predicted_correct: int = 0
    expected: int = 0  # non-empty values in the truth
    expected_found: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.expected_found / self.expected if self.expected else 1.0

    @property
    def exact(self) -> float:
        return self.correct / self.total if self.total else 1.0


class CorpusReport(msgspec.Struct, kw_only=True):
    corpus: str
    documents: int
    extracted: int
    field_accuracy: float
    fields: list[dict[str, Any]]
    failures: list[dict[str, Any]]


def score_sample(sample: Sample, outcome: Outcome) -> list[FieldResult]:
    """Field results of one document; a failed document scores against an empty one."""
    got: Any = None
    if isinstance(outcome, DocumentExtracted):
        got = outcome.sale_deed if sample.doc_type == "sale_deed" else outcome.invoice
    if sample.doc_type == "sale_deed":
        return compare_sale_deed(sample.truth, got or SaleDeed())  # type: ignore[arg-type]
    return compare_invoice(sample.truth, got or Invoice())  # type: ignore[arg-type]


def corpus_report(corpus: str, pairs: list[tuple[Sample, Outcome]]) -> CorpusReport:
    """Aggregate one corpus."""
    stats: dict[str, FieldStats] = {}
    correct = total = 0
    failures = []
    for sample, outcome in pairs:
        results = score_sample(sample, outcome)
        wrong = [r for r in results if not r.correct]
        for r in results:
            st = stats.setdefault(field_group(r.field), FieldStats(field=field_group(r.field)))
            st.total += 1
            st.correct += r.correct
            if r.got is not None:
                st.predicted += 1
                st.predicted_correct += r.correct
            if r.expected is not None:
                st.expected += 1
                st.expected_found += r.correct
        correct += len(results) - len(wrong)
        total += len(results)
        if wrong or not isinstance(outcome, DocumentExtracted):
            reason = outcome.reason if isinstance(outcome, DocumentFailed) else None
            failures.append(
                {
                    "filename": sample.filename,
                    "status": "failed" if reason or outcome is None else "wrong fields",
                    "reason": reason or ("no result" if outcome is None else None),
                    "mismatches": [
                        {"field": r.field, "want": r.expected, "got": r.got} for r in wrong[:25]
                    ],
                }
            )
    rows = [
        {
            "field": st.field,
            "n": st.total,
            "precision": round(st.precision, 4),
            "recall": round(st.recall, 4),
            "exact": round(st.exact, 4),
        }
        for st in sorted(stats.values(), key=lambda st: st.field)
    ]
    return CorpusReport(
        corpus=corpus,
        documents=len(pairs),
        extracted=sum(isinstance(o, DocumentExtracted) for _, o in pairs),
        field_accuracy=round(correct / total, 4) if total else 1.0,
        fields=rows,
        failures=failures,
    )


def build_reports(samples: list[Sample], outcomes: dict[str, Outcome]) -> list[CorpusReport]:
    """One report per corpus, in the order the corpora first appear."""
    grouped: dict[str, list[tuple[Sample, Outcome]]] = defaultdict(list)
    for sample in samples:
        grouped[sample.corpus].append((sample, outcomes.get(sample.filename)))
    return [corpus_report(name, pairs) for name, pairs in grouped.items()]


def to_markdown(reports: list[CorpusReport], *, header: str) -> str:
    """The human-readable report."""
    lines = [
        f"# docmill extraction accuracy\n\n{header}\n",
        "| corpus | docs | extracted | field accuracy |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r.corpus} | {r.documents} | {r.extracted} | {r.field_accuracy:.4f} |" for r in reports
    ]
    for r in reports:
        lines += [
            f"\n## {r.corpus}\n",
            "| field | n | precision | recall | exact |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {f['field']} | {f['n']} | {f['precision']:.3f} | {f['recall']:.3f} | "
            f"{f['exact']:.3f} |"
            for f in r.fields
        ]
        lines.append(f"\n### Documents with errors ({len(r.failures)})\n")
        for fail in r.failures[:30]:
            lines.append(
                f"- `{fail['filename']}`: {fail['status']}"
                + (f" ({fail['reason']})" if fail["reason"] else "")
            )
            lines += [
                f"  - `{m['field']}`: want `{m['want']}`, got `{m['got']}`"
                for m in fail["mismatches"][:8]
            ]
    return "\n".join(lines) + "\n"
