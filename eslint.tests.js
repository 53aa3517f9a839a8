// A lint rule for tests that could not fail: expect(promise).toBe(…) compares the promise, not
// what it resolves to, so it passes whatever the code did. Such an expect needs await (or
// .resolves / .rejects). It needs type information, so it runs where the type-aware rules run.
import { ESLintUtils } from '@typescript-eslint/utils';

const expectOfPromise = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: {
      promise:
        'expect() is given a promise, so the assertion checks the promise and cannot fail: await the value first, or use .resolves / .rejects.',
      asyncThrow:
        'An async function never throws, it rejects: expect(fn).toThrow() cannot see it. Use await expect(promise).rejects.toThrow().',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const isThenable = (node) => {
      const type = services.getTypeAtLocation(node);
      const parts = type.isUnion() ? type.types : [type];
      return parts.some((part) => part.getProperty('then') !== undefined);
    };
    const returnsThenable = (node) =>
      services
        .getTypeAtLocation(node)
        .getCallSignatures()
        .some((signature) => {
          const type = signature.getReturnType();
          return (type.isUnion() ? type.types : [type]).some(
            (part) => part.getProperty('then') !== undefined,
          );
        });
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'expect') return;
        const [actual] = node.arguments;
        if (!actual || actual.type === 'SpreadElement') return;
        const member = node.parent;
        const property =
          member.type === 'MemberExpression' && member.property.type === 'Identifier'
            ? member.property.name
            : '';
        if (property === 'resolves' || property === 'rejects') return;
        if (isThenable(actual)) {
          context.report({ node, messageId: 'promise' });
          return;
        }
        const matcher = property === 'not' ? member.parent?.property?.name : property;
        if (matcher?.startsWith('toThrow') && returnsThenable(actual))
          context.report({ node, messageId: 'asyncThrow' });
      },
    };
  },
});

export const testsPlugin = { rules: { 'no-expect-of-promise': expectOfPromise } };
