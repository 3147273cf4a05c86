"""Section headings that end a run of party records or an identity block."""

from __future__ import annotations

import re

# Headings are printed in capitals; lower-case "schedule" runs inside a party's share clause.
HEADING = re.compile(
    r"^(?:\d+\.\s*)?(?:WHEREAS|RECITALS?|NOW\s+TH(?:IS|EREFORE)|(?:'?[A-C]'?\s+)?SCHEDULE"
    r"|CONSIDERATION|IN\s+WITNESS|WITNESS(?:ES)?\b|IN\s+THE\s+PRESENCE|IDENTITY|ENDORSEMENT"
    r"|STAMP\s+DUTY|DETAILS\s+OF\s+(?:THE\s+)?(?:CONSIDERATION|PROPERTY)|SIGNATURES?\b)",
    re.M,
)
