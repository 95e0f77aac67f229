import type { FieldIssue } from '@ripe/shared';
import { isShortlisted } from '../../engine/agent/expansion-agent.ts';
import { accountContext } from '../../engine/account-context.ts';
import type { EngineContext } from '../../engine/engine-context.ts';
import type { NightAgent } from '../night-agent.ts';
import type { ScoredAccount } from './score.stage.ts';

/**
 * The expansion agent on the shortlist only, after scoring: it judges, sizes and prepares the approach. It may
 * fail for one account (a model call, a budget) without failing the night: that verdict keeps no assessment
 * and the failure is reported as that account's issue.
 */
export async function agentStage(
  scored: ScoredAccount[],
  ctx: EngineContext,
  agent: NightAgent,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const item of scored) {
    if (!isShortlisted(item.verdict)) continue;
    try {
      item.verdict = {
        ...item.verdict,
        agent: await agent.assess(item.verdict, item.snapshot, accountContext(item.snapshot, ctx)),
      };
    } catch (error) {
      issues.push({
        record: 'account',
        recordId: item.verdict.accountId,
        field: '(agent)',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return issues;
}
