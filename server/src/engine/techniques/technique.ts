import type { AccountSnapshot, TechniqueResult } from '@ripe/shared';
import type { EngineContext } from '../engine-context.ts';

/** A technique is a pure function: snapshot in, result out. No I/O, no clock. */
export type Technique = (snapshot: AccountSnapshot, ctx: EngineContext) => TechniqueResult;
