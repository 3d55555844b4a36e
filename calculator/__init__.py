"""Which AliExpress refund routes are still open for an order, until when, and what to do next.

Pure Python and standard library only, so the same code runs in a terminal
and, unchanged, in the browser under Pyodide. Every number the rules use is
read from policy.toml at import.
"""

from calculator.assessment import (
    Assessment,
    Dispute,
    DisputeStep,
    Event,
    Notice,
    PolicyUse,
    Route,
)
from calculator.batch import BatchError, BatchResult, BatchRow, run_batch
from calculator.case import Case, InputError, parse_case
from calculator.engine import assess
from calculator.fields import FIELDS, Field, FieldKind
from calculator.ics import calendar_ics
from calculator.policy import POLICY
from calculator.vocab import (
    CompletedBy,
    Decider,
    DisputeOutcome,
    DisputeReason,
    EventKind,
    Family,
    PaymentMethod,
    Region,
    RouteId,
    Situation,
    Status,
    StepState,
)

__all__ = [
    "FIELDS",
    "POLICY",
    "Assessment",
    "BatchError",
    "BatchResult",
    "BatchRow",
    "Case",
    "CompletedBy",
    "Decider",
    "Dispute",
    "DisputeOutcome",
    "DisputeReason",
    "DisputeStep",
    "Event",
    "EventKind",
    "Family",
    "Field",
    "FieldKind",
    "InputError",
    "Notice",
    "PaymentMethod",
    "PolicyUse",
    "Region",
    "Route",
    "RouteId",
    "Situation",
    "Status",
    "StepState",
    "assess",
    "calendar_ics",
    "parse_case",
    "run_batch",
]
