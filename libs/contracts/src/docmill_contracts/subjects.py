"""Subject names, stream/consumer/bucket names: constants in one module."""

PREFIX = "docmill"

# Work subjects carry the batch so one batch can be purged, counted or watched alone.
OCR = f"{PREFIX}.ocr"
EXTRACT = f"{PREFIX}.extract"
VISION = f"{PREFIX}.vision"
EXPORT = f"{PREFIX}.export"
RESULTS = f"{PREFIX}.results"
EVENTS = f"{PREFIX}.events"

STREAM_OCR = "OCR"
STREAM_EXTRACT = "EXTRACT"
STREAM_VISION = "VISION"
STREAM_EXPORT = "EXPORT"
STREAM_RESULTS = "RESULTS"
STREAM_EVENTS = "EVENTS"

CONSUMER_OCR = "ocr"
CONSUMER_EXTRACT = "extractor"
CONSUMER_VISION = "vision"
CONSUMER_EXPORT = "exporter"
CONSUMER_RESULTS = "gateway-results"

KV_PIPELINE = "pipeline"
KV_BATCHES = "batches"
KV_CACHE = "cache"
OBJ_DOCUMENTS = "documents"
OBJ_EXPORTS = "exports"

# Key in KV `pipeline` holding the whole PipelineConfig as one JSON document.
PIPELINE_KEY = "config"

HEADER_REQUEST_ID = "X-Request-ID"
HEADER_MSG_ID = "Nats-Msg-Id"


def batch_subject(stage: str, batch_id: str) -> str:
    """`docmill.<stage>.<batch_id>` for a stage prefix such as OCR."""
    return f"{stage}.{batch_id}"


def wildcard(stage: str) -> str:
    """Every batch of one stage: `docmill.<stage>.>`."""
    return f"{stage}.>"


def msg_id(document_id: str, stage: str, attempt: int) -> str:
    """De-duplication id so JetStream drops retried publishes of one attempt."""
    return f"{document_id}:{stage}:{attempt}"
