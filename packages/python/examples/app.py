"""A sample app against the Python SDK, type-checked with pyright strict (`pnpm --filter @retell-kit/python typecheck`):
an LLM and an agent, a raw and a streamed response, a list and auto-pagination, error handling, a webhook check."""

from __future__ import annotations

import asyncio
import os

import httpx

from retell import AsyncRetell, NotFoundError, Retell
from retell.types import AgentResponse, LlmResponse


def main() -> None:
    client = Retell(api_key=os.environ.get("RETELL_API_KEY"), max_retries=3, timeout=httpx.Timeout(30.0, connect=2.0))
    llm: LlmResponse = client.llm.create(general_prompt="You are a friendly receptionist.")
    agent: AgentResponse = client.agent.create(
        response_engine={"type": "retell-llm", "llm_id": llm.llm_id},
        voice_id="11labs-Adrian",
        agent_name="Front desk",
    )
    engine = agent.response_engine
    if engine.type == "retell-llm":
        print("LLM:", engine.llm_id)  # narrowed by the Literal tag
    print(agent.to_json())
    raw = client.agent.with_raw_response.retrieve(agent.agent_id)
    print(raw.status_code, raw.retries_taken, raw.elapsed, raw.parse().agent_id)
    with client.agent.with_streaming_response.retrieve(agent.agent_id) as response:
        for line in response.iter_lines():
            print(line)
    calls = client.call.list(limit=50)
    print(calls.has_more, calls.pagination_key)
    for call in calls.auto_paging_iter():
        print(call.call_id)
    try:
        client.agent.retrieve("missing")
    except NotFoundError as error:
        print("not found:", error.status_code, error.message, error.request)
    with open("faq.pdf", "rb") as faq:
        kb = client.knowledge_base.create(knowledge_base_name="FAQ", knowledge_base_files=[faq])
    print(kb.knowledge_base_id)
    print(client.verify('{"event":"call_started"}', "key", "v=1,d=00"))


async def amain() -> None:
    async with AsyncRetell() as client:
        agent = await client.agent.retrieve("agent_id")
        print(agent.agent_id)
        raw = await client.agent.with_raw_response.retrieve("agent_id")
        print((await raw.parse()).agent_name)
        page = await client.call.list(limit=10)
        print(len(page.items or []), page.has_more)
        async for call in page.auto_paging_iter():
            print(call.call_id)


if __name__ == "__main__":
    main()
    asyncio.run(amain())
