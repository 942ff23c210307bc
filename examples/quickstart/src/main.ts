/**
 * Retell quickstart: the calls most apps start with, through the SDK facade.
 *
 * Configuration comes from the environment, as in production: `RETELL_API_KEY`, and `RETELL_BASE_URL`
 * to point at another server. `pnpm example` starts the local mock server and sets both, so this runs
 * offline with nothing to configure.
 */
import Retell from '@retell-kit/sdk';

async function main(): Promise<void> {
  const client = new Retell();
  console.log(`Retell API at ${client.baseURL}`);

  // 1. A response engine: the prompt and model that decide what the agent says.
  const llm = await client.llm.create({
    model: 'gpt-4.1',
    general_prompt: 'You are the receptionist of Bayview Dental. Help callers book, move or cancel appointments.',
    begin_message: 'Thanks for calling Bayview Dental, how can I help?',
  });
  console.log(`created LLM ${llm.llm_id} (version ${llm.version ?? 0})`);

  // 2. A voice agent that talks with that engine.
  const agent = await client.agent.create({
    agent_name: 'Front desk',
    voice_id: '11labs-Adrian',
    response_engine: { type: 'retell-llm', llm_id: llm.llm_id },
  });
  console.log(`created agent ${agent.agent_id} "${agent.agent_name}" (version ${agent.version})`);

  // 3. Change it: every update is a new draft version.
  const updated = await client.agent.update(agent.agent_id, {
    agent_name: 'Front desk (after hours)',
    interruption_sensitivity: 0.6,
  });
  console.log(`updated agent ${updated.agent_id}: "${updated.agent_name}", version ${agent.version} -> ${updated.version}`);

  // 4. Every agent of the account.
  const agents = await client.agent.list();
  console.log(`listed ${agents.length} agent(s): ${agents.map((a) => a.agent_name ?? a.agent_id).join(', ')}`);

  // 5. A web call: the browser joins it with the access token.
  const call = await client.call.createWebCall({ agent_id: agent.agent_id });
  console.log(`started web call ${call.call_id} for agent ${call.agent_id} (status ${call.call_status}); access token ${call.access_token.slice(0, 12)}...`);
}

main().catch((error: unknown) => {
  console.error(`quickstart failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
