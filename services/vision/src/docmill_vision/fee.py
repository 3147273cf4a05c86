"""Finding the registration fee on page images.

The table detector is not wired in yet, so the honest answer is "not found",
with the reason; a guessed fee would be worse than none.
"""

from __future__ import annotations

from docmill_contracts.messages import FeeFound, VisionJob

NOT_INSTALLED = "vision detector not installed"


async def find_fee(job: VisionJob) -> FeeFound:
    """The fee for `job`'s document, or None with the reason it was not found."""
    return FeeFound(
        document_id=job.document_id,
        batch_id=job.batch_id,
        registration_fee=None,
        reason=NOT_INSTALLED,
    )
