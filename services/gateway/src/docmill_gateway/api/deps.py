"""Dependency aliases for the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from docmill_gateway.state import AppState


def get_state(request: Request) -> AppState:
    return request.app.state.docmill


StateDep = Annotated[AppState, Depends(get_state)]
