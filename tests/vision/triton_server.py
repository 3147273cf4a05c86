"""A real Triton server (from nvidia-pytriton) serving the detector ONNX with onnxruntime.

Run with the pytriton venv's Python (it needs numpy<2, so it cannot share docmill's venv):

    python triton_server.py --model feetable.onnx --http-port 8000 --grpc-port 8001 \
        --metrics-port 8002 --workspace /tmp/w
"""

from __future__ import annotations

import argparse
import signal
import threading

import numpy as np
import onnxruntime as ort
from pytriton.decorators import batch
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton, TritonConfig


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--name", default="feetable")
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--grpc-port", type=int, required=True)
    parser.add_argument("--metrics-port", type=int, required=True)
    parser.add_argument("--workspace", required=True)
    args = parser.parse_args()

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(args.model, options, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    fixed_batch = session.get_inputs()[0].shape[0] == 1

    @batch
    def infer(images: np.ndarray) -> dict[str, np.ndarray]:
        images = images.astype(np.float32)
        if fixed_batch:
            out = np.concatenate(
                [session.run(None, {input_name: images[i : i + 1]})[0] for i in range(len(images))]
            )
        else:
            out = session.run(None, {input_name: images})[0]
        return {"output0": out.astype(np.float32)}

    config = TritonConfig(
        http_port=args.http_port, grpc_port=args.grpc_port, metrics_port=args.metrics_port
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with Triton(config=config, workspace=args.workspace) as triton:
        triton.bind(
            model_name=args.name,
            infer_func=infer,
            inputs=[Tensor(name="images", dtype=np.float32, shape=(3, -1, -1))],
            outputs=[Tensor(name="output0", dtype=np.float32, shape=(5, -1))],
            config=ModelConfig(max_batch_size=8),
            strict=False,
        )
        triton.run()
        stop.wait()


if __name__ == "__main__":
    main()
