"""The control port of a running lab: HTTP with JSON bodies, on 127.0.0.1 only.

A detached lab (`cutover lab up --detach`) answers here: its status, cable moves (the swap in the
lab) and faults. Every request carries the lab's token (`X-Cutover-Lab-Token`), which only
`<workdir>/lab/lab.json` (mode 0600) holds, so another local user cannot rewire the lab.

    GET  /status                                   the boxes and their state
    POST /cable   {"device", "port", "to_device", "to_port"}
    POST /fault   {"device", "reachable": bool} | {"device", "delay": seconds}
                  | {"device", "drop_bgp": neighbor}
    POST /clear                                    clear every fault
    POST /stop                                     stop the lab
"""

from __future__ import annotations

import hmac
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, cast

from orchestrator.errors import CutoverError, LabError

if TYPE_CHECKING:  # the client side (`lab status`, `lab down`) never loads the lab engine
    from orchestrator.lab.lab import Lab
    from orchestrator.lab.spec import LabPlan

TOKEN_HEADER = "X-Cutover-Lab-Token"
JsonObject = dict[str, Any]


def lab_status(lab: Lab, plan: LabPlan) -> JsonObject:
    """Every box of the plan with its state: `up`, or `down` (a fault, or not emulated)."""
    devices: list[JsonObject] = []
    for box in plan.boxes:
        device = lab.devices[box.name]
        listening = box.name in lab.servers and lab.servers[box.name].listener is not None
        up = device.reachable and listening
        devices.append(
            {
                "name": box.name,
                "site": box.site,
                "platform": box.platform,
                "address": "127.0.0.1",
                "port": device.port,
                "role": box.role,
                "state": "up" if up else "down",
                "note": "" if up else "made unreachable (a fault)",
            }
        )
    for skipped in plan.skipped:
        box = skipped.box
        devices.append(
            {
                "name": box.name,
                "site": box.site,
                "platform": box.platform,
                "address": box.address,
                "port": box.port,
                "role": box.role,
                "state": "down",
                "note": skipped.reason,
            }
        )
    place = {name: i for i, name in enumerate(plan.order)}
    devices.sort(key=lambda row: place.get(row["name"], len(place)))
    cables = [[f"{c.a[0]}:{c.a[1]}", f"{c.b[0]}:{c.b[1]}"] for c in lab.topology.cables]
    return {"devices": devices, "cables": cables}


class ControlServer:
    """Serves one lab's control API on a free loopback port (`port` once started)."""

    def __init__(self, lab: Lab, plan: LabPlan, token: str, on_stop: Callable[[], None]) -> None:
        self.lab = lab
        self.plan = plan
        self.token = token
        self.on_stop = on_stop
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise LabError("the control port is not open")
        return int(self._server.server_address[1])

    def start(self) -> int:
        control = self

        class Handler(_Handler):
            owner = control

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="cutover-lab-control", daemon=True
        )
        self._thread.start()
        return self.port

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def answer(self, method: str, path: str, body: JsonObject) -> JsonObject:
        """One request's JSON answer; `LabError` for a request the lab refuses."""
        lab = self.lab
        if (method, path) == ("GET", "/status"):
            return lab_status(lab, self.plan)
        if (method, path) == ("POST", "/cable"):
            args = [_text(body, k) for k in ("device", "port", "to_device", "to_port")]
            try:
                lab.move_cable(*args)
            except KeyError as exc:
                raise LabError(str(exc.args[0])) from exc
            return {"ok": True}
        if (method, path) == ("POST", "/fault"):
            device = _text(body, "device")
            if "reachable" in body:
                lab.set_reachable(device, bool(body["reachable"]))
            elif "delay" in body:
                lab.set_delay(device, float(body["delay"]))
            elif "drop_bgp" in body:
                lab.drop_bgp(device, _text(body, "drop_bgp"))
            else:
                raise LabError("a fault names `reachable`, `delay` or `drop_bgp`")
            return {"ok": True}
        if (method, path) == ("POST", "/clear"):
            lab.clear_faults()
            return {"ok": True}
        if (method, path) == ("POST", "/stop"):
            threading.Thread(target=self.on_stop, daemon=True).start()
            return {"ok": True}
        raise LabError(f"no such control request: {method} {path}")


def _text(body: Mapping[str, object], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise LabError(f"the request needs `{key}` (a string)")
    return value


class _Handler(BaseHTTPRequestHandler):
    owner: ControlServer

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        token = self.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(token.encode(), self.owner.token.encode()):
            self._send(HTTPStatus.UNAUTHORIZED, {"error": "wrong or missing lab token"})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b"{}"
            body = json.loads(raw or b"{}")
            if not isinstance(body, dict):
                raise LabError("the request body must be a JSON object")
            self._send(HTTPStatus.OK, self.owner.answer(method, self.path, body))
        except (CutoverError, ValueError) as exc:
            self._send(HTTPStatus.BAD_REQUEST, {"error": str(exc)})

    def _send(self, status: HTTPStatus, body: JsonObject) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the lab's log is for the lab, not for every status poll


class LabClient:
    """Talks to a running lab's control port (see the module docstring)."""

    def __init__(self, port: int, token: str, timeout: float = 10.0) -> None:
        self.port = port
        self.token = token
        self.timeout = timeout

    def request(self, method: str, path: str, body: JsonObject | None = None) -> JsonObject:
        data = json.dumps(body or {}).encode() if method == "POST" else None
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={TOKEN_HEADER: self.token, "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return cast(JsonObject, json.loads(resp.read()))
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read()).get("error", exc.reason)
            except ValueError:
                message = exc.reason
            raise LabError(f"the lab refused {method} {path}: {message}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise LabError(
                f"the lab's control port 127.0.0.1:{self.port} does not answer ({exc})",
                hint="is the lab running? see `cutover lab status`",
            ) from exc

    def status(self) -> JsonObject:
        return self.request("GET", "/status")

    def move_cable(self, device: str, port: str, to_device: str, to_port: str) -> None:
        self.request(
            "POST",
            "/cable",
            {"device": device, "port": port, "to_device": to_device, "to_port": to_port},
        )

    def set_reachable(self, device: str, reachable: bool) -> None:
        self.request("POST", "/fault", {"device": device, "reachable": reachable})

    def set_delay(self, device: str, seconds: float) -> None:
        self.request("POST", "/fault", {"device": device, "delay": seconds})

    def drop_bgp(self, device: str, neighbor: str) -> None:
        self.request("POST", "/fault", {"device": device, "drop_bgp": neighbor})

    def clear_faults(self) -> None:
        self.request("POST", "/clear")

    def stop(self) -> None:
        self.request("POST", "/stop")
