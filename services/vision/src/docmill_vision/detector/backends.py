"""Where the model runs: onnxruntime in this process, or a Triton server over HTTP or gRPC."""

from __future__ import annotations

import re
from typing import Protocol

import numpy as np
import structlog

log = structlog.get_logger(__name__)


class BackendError(RuntimeError):
    """The model could not be loaded or reached."""


class DetectorBackend(Protocol):
    """Runs the raw model: (N, 3, S, S) float32 in, (N, 4 + classes, anchors) float32 out."""

    name: str

    def infer(self, batch: np.ndarray) -> np.ndarray: ...

    def describe(self) -> dict[str, object]: ...


class OnnxRuntimeBackend:
    """The ONNX model in an onnxruntime session; CUDA when onnxruntime-gpu sees a GPU."""

    name = "onnxruntime"

    def __init__(self, model_path: str, *, threads: int = 1, use_cuda: bool = True) -> None:
        import onnxruntime as ort

        available = ort.get_available_providers()
        providers = ["CPUExecutionProvider"]
        if use_cuda and "CUDAExecutionProvider" in available:
            providers.insert(0, "CUDAExecutionProvider")
        options = ort.SessionOptions()
        # One thread per process: the service scales with processes, not with threads.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        try:
            self.session = ort.InferenceSession(model_path, options, providers=providers)
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise BackendError(f"cannot load ONNX model {model_path}: {exc}") from exc
        self.model_path = model_path
        self.input_name = self.session.get_inputs()[0].name
        self.input_shape = self.session.get_inputs()[0].shape
        side = self.input_shape[-1]
        self.input_size = side if isinstance(side, int) else _metadata_size(self.session)
        self.providers = self.session.get_providers()

    def infer(self, batch: np.ndarray) -> np.ndarray:
        """Run `batch` one image at a time when the model has a fixed batch of 1."""
        if batch.shape[0] == 1 or self.input_shape[0] != 1:
            return self.session.run(None, {self.input_name: batch})[0]
        return np.concatenate(
            [
                self.session.run(None, {self.input_name: batch[i : i + 1]})[0]
                for i in range(len(batch))
            ]
        )

    def describe(self) -> dict[str, object]:
        return {"backend": self.name, "model": self.model_path, "providers": self.providers}


class TritonBackend:
    """The same model behind a Triton server, reached with tritonclient (KServe v2)."""

    name = "triton"

    def __init__(
        self,
        url: str,
        *,
        model_name: str = "feetable",
        protocol: str = "http",
        input_name: str = "images",
        output_name: str = "output0",
        timeout_s: float = 30.0,
    ) -> None:
        if protocol == "grpc":
            import tritonclient.grpc as client
        elif protocol == "http":
            import tritonclient.http as client
        else:
            raise BackendError(f"unknown Triton protocol {protocol!r}; use http or grpc")
        self._client_module = client
        self.protocol = protocol
        self.url = url.removeprefix("http://").removeprefix("grpc://")
        self.model_name = model_name
        self.input_name = input_name
        self.output_name = output_name
        self.timeout_s = timeout_s
        try:
            if protocol == "http":
                self.client = client.InferenceServerClient(
                    self.url, connection_timeout=timeout_s, network_timeout=timeout_s
                )
            else:
                self.client = client.InferenceServerClient(self.url)
            ready = self.client.is_model_ready(model_name)
        except Exception as exc:  # tritonclient raises transport errors of several kinds
            raise BackendError(f"Triton at {url} unreachable: {exc}") from exc
        if not ready:
            raise BackendError(f"Triton at {url} has no ready model {model_name!r}")

    def infer(self, batch: np.ndarray) -> np.ndarray:
        """Send `batch` as one request; Triton's dynamic batcher may merge it with others."""
        client = self._client_module
        tensor = client.InferInput(self.input_name, list(batch.shape), "FP32")
        tensor.set_data_from_numpy(np.ascontiguousarray(batch, dtype=np.float32))
        wanted = [client.InferRequestedOutput(self.output_name)]
        try:
            if self.protocol == "grpc":
                result = self.client.infer(
                    self.model_name, [tensor], outputs=wanted, client_timeout=self.timeout_s
                )
            else:
                result = self.client.infer(self.model_name, [tensor], outputs=wanted)
        except Exception as exc:  # noqa: BLE001 - transport errors become one type
            raise BackendError(f"Triton inference failed: {exc}") from exc
        return result.as_numpy(self.output_name)

    def describe(self) -> dict[str, object]:
        return {
            "backend": self.name,
            "url": self.url,
            "protocol": self.protocol,
            "model": self.model_name,
        }

    def close(self) -> None:
        self.client.close()


def _metadata_size(session: object) -> int | None:
    """The training size ultralytics writes into a dynamic-axes export (`imgsz: [640, 640]`)."""
    meta = session.get_modelmeta().custom_metadata_map  # type: ignore[attr-defined]
    sizes = re.findall(r"\d+", meta.get("imgsz", ""))
    return int(sizes[-1]) if sizes else None
