"""A custom-LLM server on the Python helper (retell.llm_socket): greets from the call details, echoes
the user word by word (a stand-in for an LLM's token stream), answers reminders, hangs up on goodbye.

    PYTHONPATH=packages/python/src python3 examples/custom-llm/python/server.py [port]
    pnpm exec retell-kit-llm-sim ws://127.0.0.1:8080/llm-websocket --script examples/custom-llm/python/script.yaml
"""

import asyncio
import sys

from retell.llm_socket import LlmSocketServer, Turn


def greet(message, session):
    call = message["call"]
    who = call.get("from_number") if call.get("call_type") != "web_call" else "web"
    session.data["caller"] = who
    return "Hello! This is the echo agent. How can I help?"


async def answer(request, turn: Turn):
    said = next((u["content"] for u in reversed(request["transcript"]) if u.get("role") == "user"), "")
    if "goodbye" in said.lower():
        yield {"content": "Thank you for calling. Goodbye!", "end_call": True}
        return
    for word in f"You said: {said}".split(" "):
        await asyncio.sleep(0.005)  # the "LLM" thinks; a newer request cancels this task right here
        yield word + " "


async def remind(request, turn: Turn):
    return "Are you still there?"


async def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    server = LlmSocketServer(on_call_details=greet, on_response_required=answer, on_reminder_required=remind)
    ws_server = await server.serve(host="127.0.0.1", port=port)
    bound = ws_server.sockets[0].getsockname()[1]
    print(f"listening ws://127.0.0.1:{bound}/llm-websocket", flush=True)
    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
