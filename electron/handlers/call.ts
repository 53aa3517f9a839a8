// A typed way into dispatch for a door that calls in-process (the command line): the method name
// fixes the input's type and the value's, while dispatch checks both against the contract.
import type { CallResult, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { dispatch } from './dispatch';
import type { Services } from './services';

export async function callMethod<M extends MethodName>(
  services: Services,
  method: M,
  input: MethodInput<M>,
): Promise<CallResult<MethodOutput<M>>> {
  const result = await dispatch(services, method, input);
  // dispatch has parsed the value with contract[method].output, so it is a MethodOutput<M>; the
  // compiler cannot follow a schema chosen by a generic name, as renderer/api.ts's door cannot.
  return result as CallResult<MethodOutput<M>>;
}
