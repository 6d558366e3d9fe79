// Node 20 has no global WebSocket, and Colyseus 0.18 reconnection needs one ("WebSocket is not
// defined"): give it the ws package's before any room runs. A test fails if this shim goes.
import { WebSocket as WsWebSocket } from "ws";

const g = globalThis as { WebSocket?: unknown };
g.WebSocket ??= WsWebSocket;
export const websocketShimmed = g.WebSocket === WsWebSocket;
