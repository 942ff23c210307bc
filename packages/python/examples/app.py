"""A sample app against the Python SDK, type-checked with pyright strict (`pnpm --filter @retell-kit/python typecheck`):
an LLM and an agent, a raw response, pagination, error handling, and a webhook check."""

from __future__ import annotations

import asyncio
import os

from retell import AsyncRetell, NotFoundError, Retell, verify_webhook
from retell.types import AgentResponse, LlmResponse


def main() -> None:
    client = Retell(api_key=os.environ.get("RETELL_API_KEY"), max_retries=3, timeout=30.0)
    llm: LlmResponse = client.llm.create(general_prompt="You are a friendly receptionist.")
    agent: AgentResponse = client.agent.create(
        response_engine={"type": "retell-llm", "llm_id": llm["llm_id"]},
        voice_id="11labs-Adrian",
        agent_name="Front desk",
    )
    engine = agent["response_engine"]
    if engine["type"] == "retell-llm":
        print("LLM:", engine["llm_id"])  # narrowed by the Literal tag
    raw = client.agent.with_raw_response.retrieve(agent["agent_id"])
    print(raw.status_code, raw.attempts, f"{raw.round_trip_time * 1000:.0f} ms", raw.parse()["agent_id"])
    for call in client.call.list(limit=50):
        print(call["call_id"])
    try:
        client.agent.retrieve("missing")
    except NotFoundError as error:
        print("not found:", error.status_code, error.message)
    with open("faq.pdf", "rb") as faq:
        kb = client.knowledge_base.create(knowledge_base_name="FAQ", knowledge_base_files=[faq])
    print(kb["knowledge_base_id"])
    print(verify_webhook('{"event":"call_started"}', "key", "v=1,d=00"))


async def amain() -> None:
    async with AsyncRetell() as client:
        agent = await client.agent.retrieve("agent_id")
        print(agent["agent_id"])
        async for call in client.call.list():
            print(call["call_id"])
        page = await client.call.list(limit=10)
        print(len(page.items), page.has_next_page())


if __name__ == "__main__":
    main()
    asyncio.run(amain())
