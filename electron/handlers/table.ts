// The shape of a handler: one function per contract method, given the services and the input the
// contract's schema has already checked and filled in.
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import type { Services } from './services';

export type Handler<M extends MethodName> = (
  services: Services,
  input: ParsedInput<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The handlers for one group of methods, e.g. Group<'plan'> for plan.get, plan.objectives, … */
export type Group<Prefix extends string> = Pick<HandlerTable, Extract<MethodName, `${Prefix}.${string}`>>;
