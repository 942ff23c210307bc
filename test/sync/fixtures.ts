/**
 * Facts about two official releases, used as expected values: the methods retell-sdk@5.66.1 added over
 * 5.33.0 and the ones it moved (resource.method, as the releases name them). Data, not code.
 */
export const SPEC_AT_5_33 = '7d3d106a06deb3965ad60c56562f8c9c3bda0635';

export const ADDED_IN_5_66: readonly string[] = [
  'agent.listVersions', 'agent.repair',
  'app.create', 'app.delete', 'app.get', 'app.list', 'app.listUsages', 'app.testAuth', 'app.update',
  'asset.create',
  'call.listenLive', 'call.rerunAnalysis', 'call.takeOverLive', 'call.updateLive',
  'chat.rerunAnalysis',
  'contact.backfillAnalysisData', 'contact.create', 'contact.createImport', 'contact.delete', 'contact.get',
  'contact.getBackfillJobStatus', 'contact.getByPhone', 'contact.getImport', 'contact.list',
  'contact.listConversations', 'contact.update', 'contact.uploadImportFile',
  'crm.getConfig', 'crm.getSchema', 'crm.getSyncJobStatus', 'crm.runSyncJob', 'crm.updateConfig',
  'identity.retrieve',
];

export const MOVED_IN_5_66: Readonly<Record<string, { from: string; to: string }>> = {
  'agent.list': { from: 'GET /list-agents', to: 'POST /v2/list-agents' },
  'chatAgent.list': { from: 'GET /list-chat-agents', to: 'POST /v2/list-agents' },
  'call.createWebCall': { from: 'POST /v2/create-web-call', to: 'POST /v3/create-web-call' },
};
