import { createFakeCrm } from '../../connectors/fake/fake-crm.ts';
import { contractAsOf, describeConnectorContract } from './connector-contract.ts';
import type { ContractCrm } from './contract-crm.ts';

describeConnectorContract(
  'in-memory fake CRM',
  (): ContractCrm => {
    const crm = createFakeCrm({
      accounts: 120,
      seed: 7,
      asOf: contractAsOf,
      pageSize: 50,
      writeBatchSize: 200,
    });
    let seed = 0;
    return {
      accountIds: () => crm.accountIds(),
      connector: () => crm.connector(),
      changeAccounts: (share) => crm.changeAccounts(share, (seed += 1)),
      touch: (accountId) => crm.touch(accountId),
      setHuman: (accountId, edit) => crm.setHuman(accountId, edit, { by: 'alice@example.com' }),
      human: (accountId) => crm.human(accountId),
      accountFields: (accountId) => crm.accountFields(accountId),
      tasks: () =>
        crm
          .tasks()
          .map((task) => ({ key: task.key, accountId: task.accountId, open: task.status === 'open' })),
      opportunities: () => crm.opportunities().map((o) => ({ key: o.key, accountId: o.accountId })),
      historyCount: () => crm.history().length,
      faults: {
        expireTokenAfterCalls: (calls) => crm.faults.expireTokenAfterCalls(calls),
        dailyLimitAfterCalls: (calls) => crm.faults.dailyLimitAfterCalls(calls),
        rejectRecords: (ids, message) => crm.faults.rejectRecords(ids, message),
        missingField: (name) => crm.faults.missingField(name),
        clear: () => crm.faults.clear(),
        refreshCount: () => crm.refreshCount,
      },
    };
  },
  { faults: true },
);
