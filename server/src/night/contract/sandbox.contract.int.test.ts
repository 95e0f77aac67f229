import { sandboxConnector } from '../../connectors/sandbox/sandbox.connector.ts';
import { SandboxCrmState } from '../../connectors/sandbox/sandbox-crm.ts';
import { contractAsOf, describeConnectorContract } from './connector-contract.ts';
import type { ContractCrm } from './contract-crm.ts';

// The sandbox has no faults to switch on: the fault cases run on the CRMs' emulators and the fake.
describeConnectorContract(
  'sandbox',
  (): ContractCrm => {
    const settings = { accounts: 120, seed: 7, latencyMs: 0 };
    const state = new SandboxCrmState();
    const connector = () => sandboxConnector({ settings, asOf: contractAsOf, state });
    const ids = Array.from(
      { length: settings.accounts },
      (_, index) => `acc-${String(index).padStart(6, '0')}`,
    );
    let round = 0;
    return {
      accountIds: () => ids,
      connector,
      changeAccounts: (share) => {
        round += 1;
        const count = Math.max(1, Math.round(ids.length * share));
        const indexes = Array.from({ length: count }, (_, k) => (k * 7 + round) % ids.length);
        state.change(indexes, contractAsOf);
        return indexes.map((index) => ids[index] as string);
      },
      touch: (accountId) => state.change([Number(accountId.slice(4))], contractAsOf),
      setHuman: (accountId, edit) => {
        state.setHuman(accountId, { ...edit, changedBy: 'alice@example.com' });
        // An edit in the CRM changes the record: the next pull sees it.
        state.change([Number(accountId.slice(4))], contractAsOf);
      },
      human: (accountId) => state.human(accountId),
      accountFields: (accountId) => state.written.fields.get(accountId) ?? {},
      tasks: () =>
        [...state.written.tasks].map(([key, task]) => ({ key, accountId: task.accountId, open: task.open })),
      opportunities: () =>
        [...state.written.opportunities].map((key) => ({ key, accountId: key.split(':')[0] ?? '' })),
      historyCount: () => state.written.history.size,
    };
  },
  { faults: false },
);
